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
        if (first.isAfter(last)) {
            return false;
        }
        if (first.getYear() != last.getYear() || first.getMonthValue() != last.getMonthValue()) {
            return true; // the span holds the last day of first's month
        }
        if (last.getDayOfMonth() == last.lengthOfMonth()) {
            return true;
        }
        return first.getMonthValue() % 3 == 0 && first.getDayOfMonth() <= 15 && last.getDayOfMonth() >= 15;
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

    /**
     * A business day on which repo pays a premium, by the calendar alone (weekends aside, no holiday list, so that a
     * point knows it without looking ahead): a month's last or first weekday, or the 15th of March, June, September
     * or December (the next weekday when it falls on a weekend). Tri-party repo pays 4-15bp over ordinary days on
     * them (FRED TGCRRATE, 2018-2026).
     */
    public static boolean isPremiumDay(LocalDate day) {
        if (isWeekend(day)) {
            return false;
        }
        LocalDate next = day.plusDays(1);
        while (isWeekend(next)) {
            next = next.plusDays(1);
        }
        LocalDate previous = day.minusDays(1);
        while (isWeekend(previous)) {
            previous = previous.minusDays(1);
        }
        if (next.getMonthValue() != day.getMonthValue() || previous.getMonthValue() != day.getMonthValue()) {
            return true;
        }
        if (day.getMonthValue() % 3 != 0) {
            return false;
        }
        LocalDate taxDate = day.withDayOfMonth(15);
        while (isWeekend(taxDate)) {
            taxDate = taxDate.plusDays(1);
        }
        return day.equals(taxDate);
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek().getValue() >= 6;
    }
}
