package dev.reservewatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The catalogue and the fact agree: every figure the rules can read on {@link Market} is declared in
 * {@link Figures} (so that missing inputs, the watchlist and the guard know it), and every declared figure has its
 * getter. A getter left out of the catalogue would silently drop out of the verdict's missing inputs.
 */
class FiguresTest {

    /** Getters of the fact that are not figures of a snapshot. */
    private static final Set<String> NOT_FIGURES = Set.of("asOf");

    @Test
    void everyGetterOfTheMarketIsAFigureOfTheCatalogue() {
        Set<String> getters = new TreeSet<>();
        for (Method method : Market.class.getMethods()) {
            String name = method.getName();
            if (method.getDeclaringClass() != Market.class || Modifier.isStatic(method.getModifiers())
                    || method.getParameterCount() > 0) {
                continue;
            }
            String property = name.startsWith("get") ? name.substring(3) : name.startsWith("is") ? name.substring(2)
                    : null;
            if (property != null) {
                getters.add(Character.toLowerCase(property.charAt(0)) + property.substring(1));
            }
        }
        getters.removeAll(NOT_FIGURES);
        assertThat(getters).as("Market's getters: each must be declared in Figures")
                .containsExactlyInAnyOrderElementsOf(Figures.all().keySet());
    }

    @Test
    void everyInputIsAFigureWithItsOwnFieldAsItsInput() {
        for (Input input : Input.values()) {
            Figures.Figure figure = Figures.named(input.field());
            assertThat(figure).as(input.field()).isNotNull();
            assertThat(figure.inputs()).containsExactly(input.field());
            assertThat(figure.unit()).isEqualTo(input.unit());
        }
    }

    @Test
    void aDerivedFigureIsMadeOfInputsTheSnapshotHas() {
        Set<String> known = new TreeSet<>(Set.of("history", "runoff", "asOf"));
        Arrays.stream(Input.values()).map(Input::field).forEach(known::add);
        Figures.all().values().forEach(figure -> assertThat(known).as(figure.name() + "'s inputs")
                .containsAll(figure.inputs()));
    }

    @Test
    void fieldNamesCarryTheirUnit() {
        for (Input input : Input.values()) {
            String suffix = switch (input.unit()) {
                case BILLIONS -> "Bn";
                case PERCENT -> "Pct";
                case BASIS_POINTS -> "Bp";
                case WEEKS, BASIS_POINTS_PER_POINT -> throw new AssertionError(input + ": no snapshot figure is in "
                        + input.unit() + "; give its unit a suffix here");
            };
            assertThat(input.field()).as("the contract's names say their unit").endsWith(suffix);
            assertThat(input.bounds().contains(input.example())).as(input.field() + "'s example within its bounds")
                    .isTrue();
        }
    }
}
