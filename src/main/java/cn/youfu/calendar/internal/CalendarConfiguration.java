package cn.youfu.calendar.internal;

import cn.youfu.calendar.Calendars;
import cn.youfu.calendar.WorkingDayCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    /** The classpath folder holding the State Council schedule, one {@code YYYY.json} per notice year. */
    static final String SCHEDULE_FOLDER = "holiday-cn";

    @Bean
    Calendars calendars(JsonMapper json) {
        var calendar = new WorkingDayCalendar(new HolidayScheduleLoader(json).loadClasspath(SCHEDULE_FOLDER));
        return () -> calendar;
    }
}
