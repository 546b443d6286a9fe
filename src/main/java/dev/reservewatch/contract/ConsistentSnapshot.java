package dev.reservewatch.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Checks across fields of one snapshot: the target range is ordered, and history holds only earlier
 * observations (none dated after {@code asOf}, none with a history of its own).
 */
@Documented
@Constraint(validatedBy = ConsistentSnapshot.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentSnapshot {
    String message() default "inconsistent snapshot";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<ConsistentSnapshot, MarketSnapshot> {
        @Override
        public boolean isValid(MarketSnapshot s, ConstraintValidatorContext context) {
            if (s == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (s.targetRangeLowPct() != null && s.targetRangeHighPct() != null
                    && s.targetRangeLowPct() > s.targetRangeHighPct()) {
                valid = fail(context, "targetRangeLowPct", "must not be above targetRangeHighPct ("
                        + s.targetRangeLowPct() + " > " + s.targetRangeHighPct() + ")");
            }
            List<MarketSnapshot> history = s.history();
            if (history != null) {
                for (int i = 0; i < history.size(); i++) {
                    MarketSnapshot earlier = history.get(i);
                    if (earlier == null) {
                        valid = fail(context, "history[" + i + "]", "must be a snapshot, not null");
                        continue;
                    }
                    if (s.asOf() != null && earlier.asOf() != null && earlier.asOf().isAfter(s.asOf())) {
                        valid = fail(context, "history[" + i + "].asOf",
                                "is " + earlier.asOf() + ", after the snapshot's asOf " + s.asOf());
                    }
                    if (earlier.history() != null) {
                        valid = fail(context, "history[" + i + "].history",
                                "a history entry cannot carry a history of its own");
                    }
                }
            }
            return valid;
        }

        private static boolean fail(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("$", "\\$"))
                    .addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
