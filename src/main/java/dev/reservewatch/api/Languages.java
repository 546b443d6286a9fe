package dev.reservewatch.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.reservewatch.contract.Language;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.watch.WatchStatus;

/**
 * The language of the text meant for people in an answer ({@link Spoken} endpoints: verdicts, series, backtests, the
 * watch): Chinese for {@code ?lang=zh}, or for an {@code Accept-Language} whose most wanted supported language is
 * {@code zh} ({@code zh-CN}, {@code zh-Hans}, any {@code zh-*}), weighed by q-values; English otherwise, and for
 * {@code *}. The query parameter wins over the header, so a link can name the language. The verdicts are judged once
 * and told in the language asked for as they leave (a series' as it is written, {@link SeriesAnswerStream}); the
 * answer says which in {@code Content-Language}.
 */
public final class Languages {

    /** The query parameter naming the language: {@code ?lang=zh}. */
    public static final String QUERY = "lang";
    /** The operations whose answers carry text for people, which the API description gives the language's parameters. */
    public static final Set<String> SPOKEN_OPERATIONS = Set.of("judgeSnapshot", "judgeSeries", "backtestFred",
            "backtestShipped", "getWatch", "refreshWatch", "getWatchHistory");

    /** The answer's text for people follows the request's language. */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.TYPE, ElementType.METHOD })
    public @interface Spoken {
    }

    /** The language a request asks for: {@code lang} (the query parameter) if given, else {@code Accept-Language}. */
    public static Language negotiate(String lang, String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            return supported(lang.strip());
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Language.EN;
        }
        Language best = Language.EN;
        double bestQ = 0;
        for (String item : acceptLanguage.split(",")) {
            String[] parts = item.split(";", -1);
            String range = parts[0].strip();
            if (range.isEmpty()) {
                continue;
            }
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                    q = quality(parameter.substring(2).strip());
                }
            }
            Language language = range.equals("*") ? Language.EN : supported(range);
            boolean known = range.equals("*") || language == Language.ZH || isEnglish(range);
            if (known && q > bestQ) { // ties: the first listed
                best = language;
                bestQ = q;
            }
        }
        return best;
    }

    private static Language supported(String range) {
        String tag = range.toLowerCase(Locale.ROOT);
        return tag.equals("zh") || tag.startsWith("zh-") || tag.startsWith("zh_") ? Language.ZH : Language.EN;
    }

    private static boolean isEnglish(String range) {
        String tag = range.toLowerCase(Locale.ROOT);
        return tag.equals("en") || tag.startsWith("en-");
    }

    /** A q-value (0 to 1, three decimals at most); one that is not a number counts as not wanted. */
    private static double quality(String value) {
        try {
            double q = Double.parseDouble(value);
            return q >= 0 && q <= 1 ? q : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Tells a successful answer's verdicts in the request's language and says which in {@code Content-Language};
     * the answer varies with {@code Accept-Language}.
     */
    @ServerResponseFilter
    @Spoken
    public void speak(ContainerRequestContext request, ContainerResponseContext response) {
        Language language = negotiate(request.getUriInfo().getQueryParameters().getFirst(QUERY),
                request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        if (response.getStatus() / 100 != 2) {
            return; // problem documents are in English
        }
        response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, language.tag());
        if (language != Language.EN && response.getEntity() != null) {
            response.setEntity(in(language, response.getEntity()));
        }
    }

    private static Object in(Language language, Object answer) {
        if (answer instanceof Verdict verdict) {
            return verdict.in(language);
        }
        if (answer instanceof WatchStatus status && status.latest() != null) {
            return new WatchStatus(status.enabled(), status.status(), status.lastAttemptAt(), status.lastSuccessAt(),
                    status.nextAttemptAt(), status.series(), status.latest().in(language), status.latestStaleSeries(),
                    status.alerts());
        }
        return answer;
    }
}
