package org.livecomply.commons.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import java.util.List;
import org.livecomply.commons.error.FieldViolation;
import org.livecomply.commons.error.InvalidArgumentException;
import org.livecomply.commons.error.Violations;

class PageSizeTest {

    @Test
    void zeroMeansTheDefaultAndTooLargeIsCoercedDown() {
        assertEquals(50, PageSize.resolve(0));
        assertEquals(1, PageSize.resolve(1));
        assertEquals(137, PageSize.resolve(137));
        assertEquals(200, PageSize.resolve(200));
        assertEquals(200, PageSize.resolve(201));
        assertEquals(200, PageSize.resolve(Integer.MAX_VALUE));
    }

    @Test
    void onlyANegativeSizeIsAViolation() {
        List<FieldViolation> negative = PageSize.check(-1, new Violations()).list();
        assertEquals(1, negative.size());
        assertEquals("page_size", negative.get(0).field());
        assertEquals(1, PageSize.check(Integer.MIN_VALUE, new Violations()).list().size());
        for (int fine : new int[] {0, 1, 200, 10_000}) {
            assertTrue(PageSize.check(fine, new Violations()).isEmpty(), "page_size " + fine);
        }
    }

    @Test
    void collectsIntoTheViolationsOfTheRequest() {
        Violations violations = new Violations().add("filter", "filter is malformed");
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> PageSize.check(-5, violations).throwIfAny());
        assertEquals(List.of("filter", "page_size"), e.violations().stream().map(FieldViolation::field).toList());
    }
}
