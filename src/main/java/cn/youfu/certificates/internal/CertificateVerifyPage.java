package cn.youfu.certificates.internal;

import cn.youfu.platform.PublicEndpoint;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public verification page the certificate's QR code points to: the masked result, phone first. */
@Controller
@PublicEndpoint
class CertificateVerifyPage {

    private final CertificateService service;
    private final MessageSource messages;

    CertificateVerifyPage(CertificateService service, MessageSource messages) {
        this.service = service;
        this.messages = messages;
    }

    @GetMapping("/certificates/{id}/verify")
    String verify(@PathVariable String id, Model model, Locale locale, HttpServletResponse response) {
        var certificate = service.find(id);
        if (certificate.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("id", id);
            return "certificates/verify";
        }
        model.addAttribute("result", CertificateController.VerificationView.of(service.verify(certificate.get()),
                messages, locale));
        model.addAttribute("id", id);
        return "certificates/verify";
    }
}
