package cn.youfu.certificates.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * Renders a certificate as an A4 PDF with PDFBox: Chinese text in the bundled font (only the glyphs used are
 * embedded), the holder's full name and masked ID number, the item, the extra lines, validity, number, issuer and
 * date, the data fingerprint (SM3) and a QR code (ZXing, drawn as vector squares) of the public verification address.
 * Lines too long for their column wrap; rows that do not fit continue on another page.
 */
@Component
class CertificatePdf {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final float LABEL_X = 72;
    private static final float VALUE_X = 182;
    private static final float VALUE_WIDTH = WIDTH - VALUE_X - 72;
    private static final float ROWS_BOTTOM = 250;
    private static final float QR_SIZE = 112;

    private final CertificateFonts fonts;

    CertificatePdf(CertificateFonts fonts) {
        this.fonts = fonts;
    }

    /**
     * @param verifyUrl the absolute public verification address the QR code encodes
     * @param dataSm3   the certificate's data fingerprint (hex), printed
     */
    byte[] render(CertificateRecord c, String verifyUrl, String dataSm3) {
        var ttf = fonts.borrow();
        try (var document = new PDDocument()) {
            var info = document.getDocumentInformation();
            info.setTitle(c.title().zh() + " " + c.number());
            info.setSubject(c.itemName().zh());
            info.setAuthor(c.issuingAuthority().zh());
            info.setCreator("Youfu 有福");
            var created = new GregorianCalendar(java.util.TimeZone.getTimeZone(CertificateRecord.CHINA));
            created.setTimeInMillis(c.issuedAt().toEpochMilli());
            info.setCreationDate(created);
            new Writer(document, PDType0Font.load(document, ttf, true), ttf.getUnicodeCmapLookup())
                    .write(c, verifyUrl, dataSm3);
            var out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render certificate " + c.number(), e);
        } finally {
            fonts.release(ttf);
        }
    }

    /** One render: the current page and the position on it. */
    private static final class Writer {

        private final PDDocument document;
        private final PDType0Font font;
        private final CmapLookup cmap;
        private PDPageContentStream page;
        private float y;

        Writer(PDDocument document, PDType0Font font, CmapLookup cmap) {
            this.document = document;
            this.font = font;
            this.cmap = cmap;
        }

        void write(CertificateRecord c, String verifyUrl, String dataSm3) throws IOException {
            newPage();
            try {
                centered(c.title().zh(), 26, 742);
                if (!c.title().en().equals(c.title().zh())) {
                    centered(c.title().en(), 11, 720);
                }
                centered("证书编号 No. " + c.number(), 11, 692);
                y = 650;
                row("持证人", "Holder", c.holderName());
                row("证件号码", "ID number", HolderMasking.id(c.holderId()));
                row("事项", "Item", c.itemName().zh() + "（" + c.itemCode() + "）");
                for (Map.Entry<String, String> field : c.fields().entrySet()) {
                    row(field.getKey(), null, field.getValue());
                }
                row("有效期限", "Valid", c.validUntil() == null ? c.validFrom() + " 起长期有效 (no expiry)"
                        : c.validFrom() + " 至 " + c.validUntil());
                row("发证机关", "Issued by", c.issuingAuthority().zh());
                row("发证日期", "Date of issue", CHINESE_DATE.format(c.issueDate()) + " (" + c.issueDate() + ")");
                footer(c, verifyUrl, dataSm3);
            } finally {
                page.close();
            }
        }

        private void newPage() throws IOException {
            if (page != null) {
                page.close();
            }
            var pdPage = new PDPage(PDRectangle.A4);
            document.addPage(pdPage);
            page = new PDPageContentStream(document, pdPage);
            page.setStrokingColor(0.608f, 0.110f, 0.110f); // Youfu red, #9b1c1c
            page.setLineWidth(2.5f);
            page.addRect(28, 28, WIDTH - 56, HEIGHT - 56);
            page.stroke();
            page.setLineWidth(0.8f);
            page.addRect(36, 36, WIDTH - 72, HEIGHT - 72);
            page.stroke();
            page.setNonStrokingColor(0.608f, 0.110f, 0.110f);
            centeredText("福州市 · 电子证照 · Fuzhou e-certificate", 10, HEIGHT - 62);
            page.setNonStrokingColor(0f, 0f, 0f);
            y = HEIGHT - 100;
        }

        private void row(String label, String englishLabel, String value) throws IOException {
            var lines = wrap(printable(value), 12, VALUE_WIDTH);
            float height = Math.max(lines.size() * 17, englishLabel == null ? 17 : 26) + 9;
            if (y - height < ROWS_BOTTOM) {
                newPage();
            }
            text(printable(label), 12, LABEL_X, y);
            if (englishLabel != null) {
                page.setNonStrokingColor(0.35f, 0.35f, 0.35f);
                text(englishLabel, 8, LABEL_X, y - 12);
                page.setNonStrokingColor(0f, 0f, 0f);
            }
            float lineY = y;
            for (String line : lines) {
                text(line, 12, VALUE_X, lineY);
                lineY -= 17;
            }
            y -= height;
        }

        private void footer(CertificateRecord c, String verifyUrl, String dataSm3) throws IOException {
            page.setStrokingColor(0.84f, 0.84f, 0.84f);
            page.setLineWidth(0.5f);
            page.moveTo(LABEL_X, 228);
            page.lineTo(WIDTH - 72, 228);
            page.stroke();
            qr(verifyUrl, LABEL_X, 92, QR_SIZE);
            float x = LABEL_X + QR_SIZE + 20;
            float width = WIDTH - 72 - x;
            text("扫码或访问以下地址核验 Scan or visit to verify", 10, x, 196);
            float lineY = 181;
            for (String line : wrap(verifyUrl, 8, width)) {
                text(line, 8, x, lineY);
                lineY -= 11;
            }
            text("数据指纹 Data fingerprint (SM3)", 10, x, lineY - 8);
            text(dataSm3.substring(0, 32), 8, x, lineY - 22);
            text(dataSm3.substring(32), 8, x, lineY - 33);
            page.setNonStrokingColor(0.35f, 0.35f, 0.35f);
            lineY -= 50;
            for (String line : wrap(printable("本证书由" + c.issuingAuthority().zh() + "依法签发，以国密 SM2 数字签名；"
                    + "任何改动都会使核验失败。Signed with SM2; any change makes verification fail."), 8, width)) {
                text(line, 8, x, lineY);
                lineY -= 11;
            }
            page.setNonStrokingColor(0f, 0f, 0f);
        }

        /** The QR code of {@code content}, error correction M, as filled squares, runs of a row merged. */
        private void qr(String content, float x, float y, float size) throws IOException {
            BitMatrix matrix;
            try {
                matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                        EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                        EncodeHintType.CHARACTER_SET, "UTF-8"));
            } catch (WriterException e) {
                throw new IllegalStateException("cannot encode the verification address as a QR code", e);
            }
            int n = matrix.getWidth();
            float module = size / n;
            for (int row = 0; row < n; row++) {
                int column = 0;
                while (column < n) {
                    if (!matrix.get(column, row)) {
                        column++;
                        continue;
                    }
                    int start = column;
                    while (column < n && matrix.get(column, row)) {
                        column++;
                    }
                    page.addRect(x + start * module, y + (n - 1 - row) * module, (column - start) * module, module);
                }
            }
            page.fill();
        }

        private void centered(String text, float size, float atY) throws IOException {
            centeredText(printable(text), size, atY);
        }

        private void centeredText(String text, float size, float atY) throws IOException {
            text(text, size, (WIDTH - font.getStringWidth(text) / 1000 * size) / 2, atY);
        }

        private void text(String text, float size, float x, float atY) throws IOException {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, atY);
            page.showText(text);
            page.endText();
        }

        /** Lines of at most {@code width} points, broken between characters. */
        private List<String> wrap(String text, float size, float width) throws IOException {
            var lines = new ArrayList<String>();
            var line = new StringBuilder();
            float used = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float w = font.getStringWidth(ch) / 1000 * size;
                if (used + w > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                    used = 0;
                }
                line.append(ch);
                used += w;
                i += Character.charCount(cp);
            }
            if (!line.isEmpty() || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        /** The text with control characters dropped and characters the font lacks shown as {@code ?}. */
        private String printable(String text) {
            var out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (Character.isISOControl(cp)) {
                    out.append(' ');
                } else if (cmap.getGlyphId(cp) == 0) {
                    out.append('?');
                } else {
                    out.appendCodePoint(cp);
                }
            });
            return out.toString();
        }
    }
}
