package cn.youfu.calendar;

/**
 * The unit a statutory period is written in. Only a law that says so counts in working days (Administrative Licensing
 * Law Art. 82, Regulations on Open Government Information Art. 33, Market Entity Registration Regulations Art. 19); a
 * period written as 日 anywhere else is in calendar days, counted as the Civil Code Art. 200–204 say.
 */
public enum PeriodUnit {
    /** 工作日: weekends and listed holidays are not counted; make-up working days are. */
    WORKING_DAYS,
    /** 日: every day counts; a period whose last day is a rest day ends on the next working day (Art. 203). */
    DAYS
}
