package org.cecplatform.audit.domain.sampling;

import java.util.Objects;

/**
 * The audit pool of one credential level in one calendar year, and its random sampling by blocks.
 *
 * <p>Renewals are numbered 1, 2, 3… as they enter. They fall into consecutive blocks of {@code blockSize}; each block
 * has a secret offset {@code v}, uniform in {@code 0..blockSize-1} and drawn from the seed, and selects the positions
 * {@code j} where {@code floor((perBlock*j + v) / blockSize)} goes up (systematic sampling with a random start, fresh
 * for every block). Why this is fair:
 * <ul>
 * <li><b>Equal chance:</b> for any position {@code j}, exactly {@code perBlock} of the {@code blockSize} offsets
 * select it, so every renewal is selected with probability {@code rate}, whatever its place in the order.</li>
 * <li><b>Within one:</b> after {@code n} renewals the number selected is {@code perBlock} per completed block plus
 * {@code floor((perBlock*j + v)/blockSize)} in the current one, which lies in {@code (rate*n - 1, rate*n + 1)}.</li>
 * <li><b>Unpredictable:</b> a renewal's outcome depends on its ordinal (which depends on everyone else's timing and
 * is not shown to anyone) and on a block offset derived with a keyed hash from a seed nobody outside staff holds.
 * Offsets of different blocks are independent: nothing seen in earlier blocks tells anything about a later one.</li>
 * <li><b>Reproducible:</b> seed, level, year and ordinal give block, position and offset again
 * ({@link #reproduce}).</li>
 * </ul>
 * The price of the within-one bound is that inside one block the outcomes are not independent (a block of 10 at 10 %
 * selects exactly one); only someone who sees the outcomes of a block's earlier renewals could infer something about
 * its later ones, and those outcomes are not public.
 */
public final class LevelYearPool {

    private final String level;
    private final int year;
    private final Seed seed;
    private final SamplingRate rate;
    private long renewals;
    private long selected;

    public LevelYearPool(String level, int year, Seed seed, SamplingRate rate, long renewals, long selected) {
        this.level = Objects.requireNonNull(level, "level");
        this.year = year;
        this.seed = Objects.requireNonNull(seed, "seed");
        this.rate = Objects.requireNonNull(rate, "rate");
        if (renewals < 0 || selected < 0 || selected > renewals) {
            throw new IllegalArgumentException("counts out of range");
        }
        this.renewals = renewals;
        this.selected = selected;
    }

    /** A new, empty pool whose seed is drawn once and kept for the whole level-year. */
    public static LevelYearPool start(String level, int year, SamplingRate rate, SeedSource seeds) {
        return new LevelYearPool(level, year, seeds.newSeed(), rate, 0, 0);
    }

    /** The id of a level-year pool's event stream, e.g. {@code pool:CPT:2027}. */
    public static String streamId(String level, int year) {
        return "pool:" + level + ":" + year;
    }

    /** The pool as its first event opened it: no renewals yet. */
    public static LevelYearPool opened(PoolOpened opened) {
        return new LevelYearPool(opened.level(), opened.year(), Seed.fromHex(opened.seed()), opened.samplingRate(),
                0, 0);
    }

    /**
     * Folds one recorded draw into the counts. Draws are recorded in ordinal order, each the next one; a stream that
     * says otherwise is corrupt, and drawing on from it would give two renewals one ordinal.
     */
    public void apply(RenewalDrawn drawn) {
        if (drawn.ordinal() != renewals + 1 || !drawn.level().equals(level) || drawn.year() != year) {
            throw new IllegalStateException("pool " + streamId(level, year) + " at " + renewals
                    + " renewals cannot take the draw of ordinal " + drawn.ordinal() + " in "
                    + streamId(drawn.level(), drawn.year()));
        }
        renewals = drawn.ordinal();
        if (drawn.selected()) {
            selected++;
        }
    }

    /** What a snapshot keeps of the pool: everything, the seed included (snapshots stay in this service's database). */
    public State state() {
        return new State(level, year, seed.hex(), rate.rate(), rate.perBlock(), rate.blockSize(), renewals, selected);
    }

    public static LevelYearPool restore(State state) {
        return new LevelYearPool(state.level(), state.year(), Seed.fromHex(state.seed()),
                new SamplingRate(state.rate(), state.perBlock(), state.blockSize()), state.renewals(),
                state.selected());
    }

    /** The pool's state as a plain record, for snapshots. */
    public record State(String level, int year, String seed, java.math.BigDecimal rate, int perBlock, int blockSize,
                        long renewals, long selected) {
    }

    /** A renewal enters the pool: it gets the next ordinal and is drawn. */
    public Draw enter() {
        Draw draw = reproduce(seed, level, year, rate, renewals + 1);
        renewals = draw.ordinal();
        if (draw.selected()) {
            selected++;
        }
        return draw;
    }

    /** Recomputes the draw of the renewal with this ordinal from the recorded seed. */
    public static Draw reproduce(Seed seed, String level, int year, SamplingRate rate, long ordinal) {
        if (ordinal < 1) {
            throw new IllegalArgumentException("ordinals start at 1");
        }
        long block = (ordinal - 1) / rate.blockSize();
        int position = (int) ((ordinal - 1) % rate.blockSize()) + 1;
        int offset = BlockDraws.offset(seed, level, year, block, rate.blockSize());
        return new Draw(level, year, ordinal, block, position, rate.blockSize(), rate.perBlock(), offset,
                rate.selects(position, offset));
    }

    public String level() {
        return level;
    }

    public int year() {
        return year;
    }

    public Seed seed() {
        return seed;
    }

    public SamplingRate rate() {
        return rate;
    }

    public long renewals() {
        return renewals;
    }

    public long selected() {
        return selected;
    }
}
