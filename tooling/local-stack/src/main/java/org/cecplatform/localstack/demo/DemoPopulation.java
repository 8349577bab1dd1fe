package org.cecplatform.localstack.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, realistic population for the demo: certificants over all seven credentials (some holding two), each
 * certified on a day in the last three years and so at some point of their first cycle, with credits from every
 * source (ceOnline LMS, meetings, self-reported) completed inside that cycle up to today. People certified three
 * calendar years before today's year are in their final year: most of them have earned enough and renew.
 * Only data, no I/O: the same count, seed and day give the same people.
 */
public record DemoPopulation(LocalDate today, long seed, List<Person> people) {

    /** ACSM's credential table (the services' default policy): CECs required per cycle. */
    public static final Map<String, Integer> REQUIRED = Map.of(
            "CEP", 60, "EP", 60, "CPT", 45, "GEI", 45, "PAPHS", 45, "CIFT", 15, "CET", 15);
    /** Rough shares of the credentials among certificants (CPT is by far the most common). */
    private static final List<Map.Entry<String, Integer>> WEIGHTS = List.of(
            Map.entry("CPT", 38), Map.entry("GEI", 14), Map.entry("EP", 14), Map.entry("CEP", 9),
            Map.entry("PAPHS", 9), Map.entry("CIFT", 8), Map.entry("CET", 8));
    private static final double SHARE_HOLDING_TWO = 0.12;
    private static final double SHARE_IN_FINAL_YEAR = 0.35;
    private static final double SHARE_OF_FINAL_YEAR_RENEWING = 0.75;

    public enum Source { LMS, MEETING, SELF_REPORTED }

    public record Credit(Source source, String externalId, String title, BigDecimal cecs, LocalDate completedOn) {
    }

    /** {@code renews}: in the final year with enough CECs, so the demo renews all their credentials together. */
    public record Person(String certificantId, List<String> credentials, LocalDate certifiedOn, List<Credit> credits,
                         boolean renews) {

        public BigDecimal total(Source source) {
            return credits.stream().filter(c -> c.source() == source).map(Credit::cecs).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public int required() {
            return credentials.stream().mapToInt(REQUIRED::get).max().orElse(0);
        }
    }

    public static DemoPopulation generate(int count, long seed, LocalDate today) {
        Random random = new Random(seed);
        List<Person> people = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            people.add(person(random, String.format("DEMO%d-%06d", seed, i), today));
        }
        return new DemoPopulation(today, seed, List.copyOf(people));
    }

    public long renewing() {
        return people.stream().filter(Person::renews).count();
    }

    public long credits() {
        return people.stream().mapToLong(p -> p.credits().size()).sum();
    }

    private static Person person(Random random, String id, LocalDate today) {
        List<String> credentials = new ArrayList<>();
        credentials.add(credential(random));
        if (random.nextDouble() < SHARE_HOLDING_TWO) {
            String second;
            do {
                second = credential(random);
            } while (second.equals(credentials.get(0)));
            credentials.add(second);
        }
        boolean finalYear = random.nextDouble() < SHARE_IN_FINAL_YEAR;
        LocalDate certifiedOn = finalYear
                ? dayBetween(random, LocalDate.of(today.getYear() - 3, 1, 1), LocalDate.of(today.getYear() - 3, 12, 31))
                : dayBetween(random, LocalDate.of(today.getYear() - 2, 1, 1), today.minusDays(30));
        boolean renews = finalYear && random.nextDouble() < SHARE_OF_FINAL_YEAR_RENEWING;
        int required = credentials.stream().mapToInt(REQUIRED::get).max().orElseThrow();

        List<Credit> credits = new ArrayList<>();
        int lms = 1 + random.nextInt(4);
        for (int k = 1; k <= lms; k++) {
            credits.add(new Credit(Source.LMS, id + "-lms-" + k, "ceOnline course " + (100 + random.nextInt(400)),
                    halves(random, 1, 6), dayBetween(random, certifiedOn, today)));
        }
        int meetings = random.nextInt(3);
        for (int k = 1; k <= meetings; k++) {
            credits.add(new Credit(Source.MEETING, id + "-mtg-" + k, "Session " + (char) ('A' + random.nextInt(6)) + random.nextInt(40),
                    halves(random, 2, 8), dayBetween(random, certifiedOn, today)));
        }
        int selfReported = random.nextInt(4);
        for (int k = 1; k <= selfReported; k++) {
            credits.add(new Credit(Source.SELF_REPORTED, id + "-self-" + k, "Workshop " + (1 + random.nextInt(90)),
                    halves(random, 1, 8), dayBetween(random, certifiedOn, today)));
        }
        BigDecimal total = credits.stream().map(Credit::cecs).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal needed = BigDecimal.valueOf(required).subtract(total);
        if (renews && needed.signum() > 0) {
            // The rest from other providers, as many people do: one or two larger self-reported credits.
            int parts = needed.compareTo(BigDecimal.valueOf(60)) > 0 ? 2 : 1;
            BigDecimal part = needed.divide(BigDecimal.valueOf(parts), 0, java.math.RoundingMode.CEILING).setScale(1);
            for (int k = 1; k <= parts; k++) {
                credits.add(new Credit(Source.SELF_REPORTED, id + "-self-extra-" + k, "Conference (other provider) " + k,
                        part, dayBetween(random, certifiedOn, today)));
            }
        }
        return new Person(id, List.copyOf(credentials), certifiedOn, List.copyOf(credits), renews);
    }

    private static String credential(Random random) {
        int roll = random.nextInt(WEIGHTS.stream().mapToInt(Map.Entry::getValue).sum());
        for (Map.Entry<String, Integer> w : WEIGHTS) {
            roll -= w.getValue();
            if (roll < 0) {
                return w.getKey();
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** A multiple of 0.5 in [min, max]. */
    private static BigDecimal halves(Random random, int min, int max) {
        return BigDecimal.valueOf(min * 2 + random.nextInt((max - min) * 2 + 1)).divide(BigDecimal.valueOf(2)).setScale(1);
    }

    private static LocalDate dayBetween(Random random, LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days <= 0 ? from : from.plusDays(random.nextInt((int) days + 1));
    }
}
