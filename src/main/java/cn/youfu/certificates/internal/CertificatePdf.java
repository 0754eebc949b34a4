package cn.youfu.certificates.internal;

import cn.youfu.platform.PublicSiteSettings;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Renders a certificate as an A4 PDF with PDFBox: Chinese text in the bundled font (only the glyphs used are
 * embedded), the holder's full name and masked ID number, the item, the extra lines, validity, number, issuer and
 * date, the data fingerprint (SM3) and a QR code (ZXing, as a one-bit image mask) of the public verification address.
 * Lines too long for their column wrap; rows that do not fit continue on another page.
 */
@Component
class CertificatePdf implements DisposableBean {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final float LABEL_X = 72;
    private static final float VALUE_X = 182;
    private static final float VALUE_WIDTH = WIDTH - VALUE_X - 72;
    private static final float ROWS_BOTTOM = 250;
    private static final float QR_SIZE = 112;

    private final CertificateFonts fonts;
    /**
     * The code points the bundled font has a glyph for, read from its cmap once rather than looked up in the cmap (a
     * map of boxed integers) for every character of every render.
     */
    private final BitSet inFont;
    /**
     * The characters (those the font has) that nearly every certificate prints: {@link #FIXED_TEXT}, those of
     * {@link #ALWAYS_PRINTED}, and this deployment's number prefix and verification address. Any other character
     * goes into the certificate's own font.
     */
    private final BitSet fixedCharacters;
    /** The bundled font cut down to {@link #fixedCharacters}, made once: the same for every certificate. */
    private final byte[] fixedFont;
    /**
     * The advance of each of the {@link #fixedCharacters} in the fixed font, in thousandths of the font size, indexed
     * by code point: measured once, not through PDFBox in every render.
     */
    private final float[] fixedAdvances;
    /** Idle {@link FixedFont}s, made as renders overlap: at most one per concurrent render. */
    private final Queue<FixedFont> idleFixedFonts = new ConcurrentLinkedQueue<>();
    private final List<FixedFont> fixedFonts = new CopyOnWriteArrayList<>();
    /** Set first thing by {@link #destroy()}, before the fixed fonts' documents are closed. */
    private volatile boolean closed;

    /**
     * PDFBox compresses streams (the embedded fonts, the page) at zlib's default level 6 unless this JVM-wide property
     * says otherwise; it is read at each compression. Youfu sets level 1, which costs far less CPU per certificate for
     * a slightly larger PDF. Set only when not given on the command line.
     */
    static final String DEFLATE_LEVEL = "org.apache.pdfbox.filter.deflatelevel";

    CertificatePdf(CertificateFonts fonts, CertificateSettings settings, PublicSiteSettings site) {
        if (System.getProperty(DEFLATE_LEVEL) == null) {
            System.setProperty(DEFLATE_LEVEL, "1");
        }
        this.fonts = fonts;
        var ttf = fonts.borrow();
        try {
            var cmap = ttf.getUnicodeCmapLookup();
            this.inFont = new BitSet(Character.MAX_CODE_POINT + 1);
            for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
                if (cmap.getGlyphId(cp) != 0) {
                    inFont.set(cp);
                }
            }
            var characters = new BitSet();
            // Any id's address has the same characters (an id's are hexadecimal and '-').
            String address = site.link(CertificateRecord.verifyPagePath(new UUID(0, 0)));
            (FIXED_TEXT + ALWAYS_PRINTED + settings.numberPrefix() + address).codePoints()
                    .filter(inFont::get).forEach(characters::set);
            this.fixedCharacters = characters;
            this.fixedFont = subset(ttf, characters.stream().toArray());
            try (var measuring = new PDDocument()) {
                var font = PDType0Font.load(measuring, new ByteArrayInputStream(fixedFont), false);
                this.fixedAdvances = new float[characters.length()];
                for (int cp = characters.nextSetBit(0); cp >= 0; cp = characters.nextSetBit(cp + 1)) {
                    fixedAdvances[cp] = font.getStringWidth(Character.toString(cp));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cut the bundled font down to the certificates' fixed wording", e);
        } finally {
            fonts.release(ttf);
        }
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
            var own = ownCharacters(c, verifyUrl, dataSm3);
            var ownFont = own.length == 0 ? null
                    : PDType0Font.load(document, new ByteArrayInputStream(subset(ttf, own)), false);
            var fixed = borrowFixedFont();
            try {
                new Writer(document, new Fonts(fixed.font(), fixedCharacters, fixedAdvances, ownFont, own), inFont)
                        .write(c, verifyUrl, dataSm3);
                var out = new ByteArrayOutputStream(64 * 1024);
                // Without object streams: the objects are few and small, and packing them was a third of saving.
                document.save(out, CompressParameters.NO_COMPRESSION);
                if (closed) {
                    // The fixed fonts' documents were closed during this render: their streams may have been
                    // written empty. Such a PDF must never be stored and signed.
                    throw new IllegalStateException("certificate rendering was shut down during " + c.number());
                }
                return out.toByteArray();
            } finally {
                idleFixedFonts.add(fixed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render certificate " + c.number(), e);
        } finally {
            fonts.release(ttf);
        }
    }

    /**
     * The fixed wording's font, embedded (its font file compressed, its widths and ToUnicode map built) once in a
     * document of its own that is never saved, and then put into one certificate after another: each save writes
     * the same objects again, so every certificate is complete on its own. Loading it per certificate was about a
     * fifth of rendering. One render at a time uses it (the font reads its tables lazily, and saving numbers its
     * objects), so there is one per concurrent render.
     */
    private record FixedFont(PDDocument owner, PDType0Font font) {
    }

    private FixedFont borrowFixedFont() throws IOException {
        if (closed) {
            throw new IllegalStateException("certificate rendering has been shut down");
        }
        var idle = idleFixedFonts.poll();
        if (idle != null) {
            return idle;
        }
        var owner = new PDDocument();
        var made = new FixedFont(owner, PDType0Font.load(owner, new ByteArrayInputStream(fixedFont), false));
        fixedFonts.add(made);
        return made;
    }

    /**
     * Closes the fixed fonts' documents. A certificate saved with a closed one would carry that font with empty
     * streams, so renders from now on, and any still under way, fail instead ({@link #closed}).
     */
    @Override
    public void destroy() throws IOException {
        closed = true;
        for (var fixed : fixedFonts) {
            fixed.owner().close();
        }
    }

    /**
     * The bundled font cut down to {@code codePoints}, to be embedded whole. PDFBox's own subsetting
     * ({@code PDType0Font.load(document, ttf, true)}) first writes and reads back a width for each of the ~30,000
     * glyphs of the full font on every render, the dearest part of an issue. A certificate embeds two such
     * fonts: the {@linkplain #fixedFont fixed wording's}, cut once at start-up, and one of the few characters of its
     * own texts (holder, item, issuer...) that the fixed one lacks, cut per certificate — cutting the whole set per
     * certificate would cost a large part of rendering again. {@link Writer#text} refuses a character outside both, so a label
     * added without updating {@code FIXED_TEXT} fails every render (and the tests) instead of printing a blank.
     */
    private static byte[] subset(TrueTypeFont ttf, int[] codePoints) throws IOException {
        var subsetter = new TTFSubsetter(ttf, SUBSET_TABLES);
        for (int codePoint : codePoints) {
            subsetter.add(codePoint);
        }
        subsetter.setPrefix(tag(codePoints));
        var bytes = new ByteArrayOutputStream(16 * 1024);
        subsetter.writeToStream(bytes);
        return bytes.toByteArray();
    }

    /** The two embedded fonts of a render: the fixed wording's and the certificate's own characters' (if any). */
    private record Fonts(PDType0Font fixed, BitSet fixedCharacters, float[] fixedAdvances, PDType0Font own,
                         int[] ownCharacters) {

        /** The font that has {@code codePoint}; null when neither has it. */
        PDType0Font of(int codePoint) {
            return fixedCharacters.get(codePoint) ? fixed
                    : own != null && Arrays.binarySearch(ownCharacters, codePoint) >= 0 ? own : null;
        }
    }

    /** The tables PDFBox keeps in its own subsets, and the cmap, OS/2, post and name tables a standalone font needs. */
    private static final List<String> SUBSET_TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf",
            "hmtx", "fpgm", "gasp", "cmap", "OS/2", "post", "name");

    /** The characters of the certificate's own texts that the font has and the fixed wording's font lacks, sorted. */
    private int[] ownCharacters(CertificateRecord c, String verifyUrl, String dataSm3) {
        var texts = new ArrayList<String>(List.of(c.title().zh(), c.title().en(), c.number(),
                String.valueOf(c.holderName()), HolderMasking.id(c.holderId()), c.itemName().zh(), c.itemCode(),
                c.issuingAuthority().zh(), CHINESE_DATE.format(c.issueDate()), verifyUrl, dataSm3));
        c.fields().forEach((key, value) -> {
            texts.add(key);
            texts.add(value);
        });
        int[] codePoints = texts.stream().filter(Objects::nonNull).flatMapToInt(String::codePoints)
                .filter(cp -> inFont.get(cp) && !fixedCharacters.get(cp)).sorted().toArray();
        int distinct = 0;
        for (int cp : codePoints) {
            if (distinct == 0 || codePoints[distinct - 1] != cp) {
                codePoints[distinct++] = cp;
            }
        }
        return Arrays.copyOf(codePoints, distinct);
    }

    /** The six-letter tag PDF gives a subset font's name ("ABCDEF+Name"), from the characters it holds. */
    private static String tag(int[] codePoints) {
        long hash = Arrays.hashCode(codePoints) & 0xffffffffL;
        var tag = new StringBuilder(7);
        for (int i = 0; i < 6; i++) {
            tag.append((char) ('A' + hash % 26));
            hash /= 26;
        }
        return tag.append('+').toString();
    }

    /**
     * Printed on nearly every certificate though not fixed: digits (numbers, dates), the hexadecimal of the data
     * fingerprint and of the id in the verification address, and {@code ?} for a character the font lacks. The rest
     * of ASCII was half of the fixed wording's font (about 8 of its 17 KB) and is rarely printed.
     */
    private static final String ALWAYS_PRINTED = "0123456789abcdef-:/.?";

    /** Every text the writer prints that does not come from the certificate (keep in step with {@link Writer}). */
    static final String FIXED_TEXT = "福州市 · 电子证照 · Fuzhou e-certificate 证书编号 No. 持证人 Holder 证件号码 ID number"
            + " 事项 Item （） 有效期限 Valid 起长期有效 (no expiry) 至 发证机关 Issued by 发证日期 Date of issue 年月日"
            + " 扫码或访问以下地址核验 Scan or visit to verify 数据指纹 Data fingerprint (SM3)"
            + " 本证书由依法签发，以国密 SM2 数字签名；任何改动都会使核验失败。Signed with SM2; any change makes verification fail.";

    /** One render: the current page and the position on it. */
    private static final class Writer {

        private final PDDocument document;
        private final Fonts fonts;
        private final BitSet inFont;
        private final Map<Integer, Float> advances = new HashMap<>();
        private PDPageContentStream page;
        private float y;

        Writer(PDDocument document, Fonts fonts, BitSet inFont) {
            this.document = document;
            this.fonts = fonts;
            this.inFont = inFont;
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

        /**
         * Error correction M, no margin (the page leaves white space around it), UTF-8, and always mask pattern 2
         * (vertical stripes): any of the eight masks is a valid QR code that readers decode, but ZXing picks one by
         * building and scoring all eight, which is most of the cost of making the QR code.
         */
        private static final Map<EncodeHintType, Object> QR_HINTS = Map.of(EncodeHintType.MARGIN, 0,
                EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.CHARACTER_SET, "UTF-8",
                EncodeHintType.QR_MASK_PATTERN, 2);

        /**
         * The QR code of {@code content} ({@link #QR_HINTS}) as a one-bit image mask, one sample per module, scaled
         * to {@code size} points and painted in the current colour (black) where a module is dark. About 170 bytes
         * where drawing each run of dark modules as a square wrote some 400 operators to the page.
         */
        private void qr(String content, float x, float y, float size) throws IOException {
            BitMatrix matrix;
            try {
                matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, QR_HINTS);
            } catch (WriterException e) {
                throw new IllegalStateException("cannot encode the verification address as a QR code", e);
            }
            int n = matrix.getWidth();
            int rowBytes = (n + 7) / 8;
            byte[] samples = new byte[rowBytes * n];
            Arrays.fill(samples, (byte) 0xff); // 1: not painted (light)
            for (int row = 0; row < n; row++) {
                for (int column = 0; column < n; column++) {
                    if (matrix.get(column, row)) {
                        samples[row * rowBytes + column / 8] &= (byte) ~(0x80 >>> (column % 8));
                    }
                }
            }
            var mask = new PDImageXObject(document, new ByteArrayInputStream(samples), null, n, n, 1, null);
            mask.setStencil(true);
            page.drawImage(mask, x, y, size, size);
        }

        private void centered(String text, float size, float atY) throws IOException {
            centeredText(printable(text), size, atY);
        }

        private void centeredText(String text, float size, float atY) throws IOException {
            text(text, size, (WIDTH - width(text, size)) / 2, atY);
        }

        /** One line of text: a run of characters in one font after another, each run where the last ended. */
        private void text(String text, float size, float x, float atY) throws IOException {
            page.beginText();
            page.newLineAtOffset(x, atY);
            for (var run : runs(text)) {
                page.setFont(run.font(), size);
                page.showText(run.text());
            }
            page.endText();
        }

        private float width(String text, float size) throws IOException {
            float width = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                width += advance(cp);
                i += Character.charCount(cp);
            }
            return width / 1000 * size;
        }

        /**
         * The advance of {@code codePoint} in its font, in thousandths of the font size: a fixed character's as
         * measured once, another measured once per render (wrapping measured every character of every line again, a
         * tenth of rendering).
         */
        private float advance(int codePoint) throws IOException {
            if (fonts.fixedCharacters().get(codePoint)) {
                return fonts.fixedAdvances()[codePoint];
            }
            var known = advances.get(codePoint);
            if (known != null) {
                return known;
            }
            float advance = fontOf(codePoint).getStringWidth(Character.toString(codePoint));
            advances.put(codePoint, advance);
            return advance;
        }

        private record Run(PDType0Font font, String text) {
        }

        /** The embedded font that has {@code codePoint}; a character in neither is a programming error. */
        private PDType0Font fontOf(int codePoint) {
            var font = fonts.of(codePoint);
            if (font == null) {
                throw new IllegalStateException("certificate text outside the embedded subset: "
                        + Character.toString(codePoint) + " (add the fixed wording to CertificatePdf.FIXED_TEXT)");
            }
            return font;
        }

        /** {@code text} cut where the font changes. */
        private List<Run> runs(String text) {
            var runs = new ArrayList<Run>(2);
            PDType0Font current = null;
            var run = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                var font = fontOf(cp);
                if (font != current && !run.isEmpty()) {
                    runs.add(new Run(current, run.toString()));
                    run.setLength(0);
                }
                current = font;
                run.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
            if (!run.isEmpty()) {
                runs.add(new Run(current, run.toString()));
            }
            return runs;
        }

        /**
         * Lines of at most {@code width} points. Chinese breaks between any two characters; a word of Latin letters
         * or digits is kept whole (carried to the next line) unless it alone is wider than a line, and a line does
         * not begin with the space it was broken at.
         */
        private List<String> wrap(String text, float size, float width) throws IOException {
            var lines = new ArrayList<String>();
            var line = new StringBuilder();
            float used = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                float w = advance(cp) / 1000 * size;
                if (used + w > width && !line.isEmpty()) {
                    int cut = line.length();
                    if (inWord(cp) && inWord(line.codePointBefore(cut))) {
                        while (cut > 0 && inWord(line.codePointBefore(cut))) {
                            cut -= Character.charCount(line.codePointBefore(cut));
                        }
                        cut = cut == 0 ? line.length() : cut; // one word wider than the line: broken after all
                    }
                    lines.add(line.substring(0, cut).stripTrailing());
                    line.delete(0, cut);
                    used = width(line.toString(), size);
                }
                if (!(line.isEmpty() && cp == ' ' && !lines.isEmpty())) {
                    line.appendCodePoint(cp);
                    used += w;
                }
            }
            if (!line.isEmpty() || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        /** A letter or digit of a Latin (not Chinese) word. */
        private static boolean inWord(int codePoint) {
            return codePoint < 0x2E80 && Character.isLetterOrDigit(codePoint);
        }

        /** The text with control characters dropped and characters the font lacks shown as {@code ?}. */
        private String printable(String text) {
            var out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (Character.isISOControl(cp)) {
                    out.append(' ');
                } else if (!inFont.get(cp)) {
                    out.append('?');
                } else {
                    out.appendCodePoint(cp);
                }
            });
            return out.toString();
        }
    }
}
