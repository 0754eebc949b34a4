package cn.youfu.web;

import cn.youfu.platform.PublicSiteSettings;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The QR code of a certificate's public verification page, as an SVG path drawn in the page (no image request, no
 * inline style). Pages put {@link #of(java.util.Collection)} in the model as {@code qr}.
 */
@Component
class QrCodes {

    private final PublicSiteSettings site;

    QrCodes(PublicSiteSettings site) {
        this.site = site;
    }

    /**
     * A certificate's verification QR code.
     *
     * @param url  the public address it holds, the same as printed in the certificate's PDF
     * @param size the grid's width and height in modules (for the SVG's viewBox)
     * @param path one {@code M x y h1 v1 h-1 z} square per dark module, with a quiet zone of 2 modules
     */
    record QrCode(String url, int size, String path) {
    }

    /** The codes of these certificates, by certificate id. */
    java.util.Map<String, QrCode> of(java.util.Collection<String> certificateIds) {
        var codes = new java.util.LinkedHashMap<String, QrCode>();
        certificateIds.forEach(id -> codes.put(id, of(id)));
        return codes;
    }

    QrCode of(String certificateId) {
        var url = site.link("/certificates/" + certificateId + "/verify");
        var matrix = encode(url);
        var path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return new QrCode(url, matrix.getWidth(), path.toString());
    }

    private static com.google.zxing.common.BitMatrix encode(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode a QR code for " + text, e);
        }
    }
}
