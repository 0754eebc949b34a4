package cn.youfu.cases;

import java.time.LocalDate;
import java.util.List;

/** On-time rates and handling times of cases closed in {@code [from, to]} (China dates), open and overdue now. */
public record SupervisionFigures(LocalDate from, LocalDate to, List<Figures> byDepartment, List<Figures> byType) {

    /**
     * Figures for one department or one case type. Handling times are in working days (working-day types only).
     *
     * @param onTimeRate between 0 and 1; null when nothing closed
     */
    public record Figures(String key, long open, long openOverdue, long closed, long closedOnTime, Double onTimeRate,
                          Double averageHandlingWorkingDays) {
    }
}
