package cn.youfu.disclosure.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders a reply letter as an A4 PDF with PDFBox, in the bundled CJK font (WenQuanYi Micro Hei, only the glyphs used
 * embedded): the title centred, then the paragraphs wrapped to the text width, onto as many pages as they need.
 */
@Component
class LetterPdf {

    static final String FONT = "fonts/wqy-microhei/wqy-microhei-unhinted.ttf";
    private static final float MARGIN = 64;
    private static final float TITLE_SIZE = 18;
    private static final float TEXT_SIZE = 12;
    private static final float LEADING = 20;

    /** A letter to print: the title, then paragraphs; {@code small} paragraphs (the signature note) in small type. */
    record Letter(String title, String subject, List<String> paragraphs, List<String> small) {
    }

    private final byte[] font;

    LetterPdf() {
        try (var in = new ClassPathResource(FONT).getInputStream()) {
            font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled font " + FONT + " is missing from the class path", e);
        }
    }

    byte[] render(Letter letter) {
        try (var document = new PDDocument()) {
            document.getDocumentInformation().setTitle(letter.title());
            document.getDocumentInformation().setSubject(letter.subject());
            document.getDocumentInformation().setCreator("Youfu 有福");
            var type = PDType0Font.load(document, new ByteArrayInputStream(font), true);
            new Pages(document, type).write(letter);
            var out = new ByteArrayOutputStream(32 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the reply letter " + letter.subject(), e);
        }
    }

    /** Writes lines top to bottom, starting a new page when one is full. */
    private static final class Pages {
        private final PDDocument document;
        private final PDType0Font font;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream stream;
        private float y;

        Pages(PDDocument document, PDType0Font font) {
            this.document = document;
            this.font = font;
        }

        void write(Letter letter) throws IOException {
            newPage();
            float titleWidth = font.getStringWidth(letter.title()) / 1000 * TITLE_SIZE;
            line(letter.title(), TITLE_SIZE, MARGIN + (width - titleWidth) / 2);
            y -= LEADING;
            for (var paragraph : letter.paragraphs()) {
                for (var text : wrap(paragraph, TEXT_SIZE)) {
                    line(text, TEXT_SIZE, MARGIN);
                }
                y -= LEADING / 3;
            }
            y -= LEADING;
            for (var note : letter.small()) {
                for (var text : wrap(note, 8)) {
                    line(text, 8, MARGIN);
                }
            }
            stream.close();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            var page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void line(String text, float size, float x) throws IOException {
            if (y < MARGIN + LEADING) {
                newPage();
            }
            y -= size < TEXT_SIZE ? LEADING * 0.6f : (size > TEXT_SIZE ? LEADING * 1.4f : LEADING);
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, y);
            stream.showText(text);
            stream.endText();
        }

        /** The character, or {@code ?} when the font has no glyph for it (an emoji typed into a form). */
        private String printable(int codePoint) {
            var character = Character.toString(codePoint);
            try {
                font.encode(character);
                return character;
            } catch (IllegalArgumentException | IOException noGlyph) {
                return "?";
            }
        }

        /** The paragraph cut into lines no wider than the text width, at any character (Chinese has no spaces). */
        private List<String> wrap(String paragraph, float size) throws IOException {
            var lines = new ArrayList<String>();
            var current = new StringBuilder();
            float used = 0;
            for (int i = 0; i < paragraph.length(); ) {
                int cp = paragraph.codePointAt(i);
                var character = printable(cp);
                float advance = font.getStringWidth(character) / 1000 * size;
                if (used + advance > width && !current.isEmpty()) {
                    lines.add(current.toString());
                    current.setLength(0);
                    used = 0;
                }
                current.append(character);
                used += advance;
                i += Character.charCount(cp);
            }
            if (!current.isEmpty()) {
                lines.add(current.toString());
            }
            return lines;
        }
    }
}
