package cn.youfu.web;

import cn.youfu.identity.PageSignIn;
import cn.youfu.platform.YoufuSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in. Demo mode: the form ({@code POST /login} is checked by Spring Security against the demo accounts and
 * residents). Production: straight on to the identity platform's own sign-in page; after a failed attempt, a page
 * that says so and offers to try again (never an automatic loop); a person the platform signed in but who has none
 * of Youfu's roles is told so, and offered to sign out there to use another account.
 */
@Controller
class SignInPage {

    private final YoufuSettings youfu;

    SignInPage(YoufuSettings youfu) {
        this.youfu = youfu;
    }

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("unavailable", "unavailable".equals(error));
        model.addAttribute("noRole", "no-role".equals(error));
        model.addAttribute("tooMany", "too-many".equals(error));
        model.addAttribute("platformSignOut", PageSignIn.PLATFORM_SIGN_OUT);
        model.addAttribute("oidc", !youfu.demo());
        model.addAttribute("oidcStart", PageSignIn.OIDC_START);
        if (!youfu.demo() && error == null) {
            return "redirect:" + PageSignIn.OIDC_START;
        }
        return "sign-in";
    }
}
