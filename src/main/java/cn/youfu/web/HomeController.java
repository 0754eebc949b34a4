package cn.youfu.web;

import cn.youfu.calendar.Calendars;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The front page: what Youfu is and where to go. */
@Controller
class HomeController {

    private final Calendars calendars;
    private final Clock clock;

    HomeController(Calendars calendars, Clock clock) {
        this.calendars = calendars;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(@RequestParam(name = "signed-out", required = false) String signedOut, Model model) {
        model.addAttribute("signedOut", signedOut != null);
        var today = LocalDate.now(clock);
        var calendar = calendars.current();
        model.addAttribute("today", calendar.day(today));
        model.addAttribute("licensingDeadline", calendar.deadline(today, 20));
        return "home";
    }
}
