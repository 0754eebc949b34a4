package cn.youfu.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security checks what it posts ({@code POST /login}, demo accounts and residents). */
@Controller
class SignInPage {

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("failed", error != null);
        return "sign-in";
    }
}
