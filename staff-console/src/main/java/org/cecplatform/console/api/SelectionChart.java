package org.cecplatform.console.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cecplatform.console.application.SamplingYear;

/**
 * The geometry of the Sampling page's bar chart, drawn as inline SVG by the template (no script): per level a bar for
 * the target (rate × renewals) with the ±1 bound as a whisker on it, and a bar for the renewals selected at random.
 * Coordinates are SVG user units, formatted for the attributes.
 */
public record SelectionChart(int width, int height, List<Tick> ticks, List<Group> groups, String description) {

    static final int PLOT_TOP = 20;
    static final int PLOT_HEIGHT = 200;
    static final int LEFT = 44;
    static final int GROUP_WIDTH = 130;
    static final int BAR_WIDTH = 40;

    /** A y-axis line and its label. */
    public record Tick(long value, String y) {
    }

    /**
     * One level: the target bar and the selected bar side by side, each with its value above it. {@code boundTop} and
     * {@code boundBottom} are the ends of the whisker on the target bar (target + 1 and target − 1, not below zero);
     * {@code within} says whether the selected count lies inside the bound.
     */
    public record Group(String credential, String labelX, String whiskerX, String capLeft, String capRight,
                        Bar target, Bar selected, String boundTop, String boundBottom, boolean within) {
    }

    /** A bar from the baseline up to its value; its label sits above it ({@code labelY}). */
    public record Bar(String x, String y, String height, String labelX, String labelY, String label) {
    }

    public static SelectionChart of(List<SamplingYear.LevelFigures> levels) {
        double max = 1;
        for (SamplingYear.LevelFigures l : levels) {
            max = Math.max(max, Math.max(l.selected(), l.target().doubleValue() + 1));
        }
        long top = (long) Math.ceil(max);
        long step = Math.max(1, (long) Math.ceil(top / 4.0));
        top = ((top + step - 1) / step) * step;
        Scale scale = new Scale(top);

        List<Tick> ticks = new ArrayList<>();
        for (long v = 0; v <= top; v += step) {
            ticks.add(new Tick(v, scale.y(v)));
        }
        List<Group> groups = new ArrayList<>();
        StringBuilder description = new StringBuilder("Renewals selected at random against the target, per level:");
        for (int i = 0; i < levels.size(); i++) {
            SamplingYear.LevelFigures l = levels.get(i);
            double x = LEFT + i * GROUP_WIDTH + (GROUP_WIDTH - 2 * BAR_WIDTH - 4) / 2.0;
            double target = l.target().doubleValue();
            double middle = x + BAR_WIDTH / 2.0;
            // the target's label goes above the whisker, which reaches target + 1
            Bar targetBar = new Bar(n(x), scale.y(target), scale.height(target), n(middle), scale.labelAbove(target + 1),
                    l.targetText());
            double selectedX = x + BAR_WIDTH + 4;
            Bar selectedBar = new Bar(n(selectedX), scale.y(l.selected()), scale.height(l.selected()),
                    n(selectedX + BAR_WIDTH / 2.0), scale.labelAbove(l.selected()), Long.toString(l.selected()));
            groups.add(new Group(l.credential(), n(x + BAR_WIDTH + 2), n(middle), n(middle - 6), n(middle + 6),
                    targetBar, selectedBar, scale.y(target + 1), scale.y(Math.max(0, target - 1)), l.withinOne()));
            description.append(' ').append(l.credential()).append(' ').append(l.selected()).append(" selected, target ")
                    .append(l.targetText()).append(l.withinOne() ? " (within ±1)" : " (outside ±1)")
                    .append(i == levels.size() - 1 ? "." : ";");
        }
        return new SelectionChart(LEFT + levels.size() * GROUP_WIDTH + 8, PLOT_TOP + PLOT_HEIGHT + 30, ticks, groups,
                description.toString());
    }

    public int barWidth() {
        return BAR_WIDTH;
    }

    /** The bottom of the plot (the zero line). */
    public String baseline() {
        return n(PLOT_TOP + PLOT_HEIGHT);
    }

    public String axisLeft() {
        return n(LEFT);
    }

    public String axisRight() {
        return n(width - 8);
    }

    public String labelY() {
        return n(PLOT_TOP + PLOT_HEIGHT + 20);
    }

    /** Values from 0 to {@code top} onto the plot's height, 0 at the bottom. */
    private record Scale(long top) {

        String y(double value) {
            return n(PLOT_TOP + PLOT_HEIGHT - PLOT_HEIGHT * value / top);
        }

        String height(double value) {
            return n(PLOT_HEIGHT * value / top);
        }

        String labelAbove(double value) {
            return n(PLOT_TOP + PLOT_HEIGHT - PLOT_HEIGHT * value / top - 4);
        }
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
