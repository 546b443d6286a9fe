package dev.reservewatch.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The calendar of days on which repo is squeezed every time: a month's last day, and the 15th of March, June,
 * September and December (the quarterly tax and settlement dates). Spikes on those days are seasonal unless they
 * showed before.
 */
public final class PeriodEnds {

    /**
     * A point's week for the calendar: the days from this many days before its date to its date (a weekly
     * point's daily rates are the day before's, a snapshot's the day's own).
     */
    public static final int WEEK_DAYS = 7;

    private PeriodEnds() {
    }

    /** True when a period end falls from {@code first} to {@code last}, both included. */
    public static boolean within(LocalDate first, LocalDate last) {
        if (!first.isAfter(last) && ChronoUnit.DAYS.between(first, last) >= 31) {
            return true; // every month has a last day
        }
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (isPeriodEnd(day)) {
                return true;
            }
        }
        return false;
    }

    /** True when the week to {@code day} (its date and the {@link #WEEK_DAYS} days before) holds a period end. */
    public static boolean weekHoldsOne(LocalDate day) {
        return within(day.minusDays(WEEK_DAYS), day);
    }

    /** A month's last day, or the 15th of March, June, September or December. */
    public static boolean isPeriodEnd(LocalDate day) {
        return day.getDayOfMonth() == day.lengthOfMonth() || (day.getDayOfMonth() == 15 && day.getMonthValue() % 3 == 0);
    }

    /** Calendar days from {@code day} to the last day of its month: 0 on the month's last day. */
    public static int daysToMonthEnd(LocalDate day) {
        return (int) ChronoUnit.DAYS.between(day, day.with(TemporalAdjusters.lastDayOfMonth()));
    }
}
