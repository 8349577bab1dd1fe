package org.cecplatform.audit.domain.sampling;

/**
 * One renewal's draw in its level-year: everything needed to reproduce it from the seed. {@code ordinal} counts the
 * level-year's renewals from 1; {@code block} from 0; {@code position} inside the block from 1; {@code offset} is the
 * block's secret draw.
 */
public record Draw(String level, int year, long ordinal, long block, int position, int blockSize, int perBlock,
                   int offset, boolean selected) {
}
