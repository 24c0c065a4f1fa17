package org.livecomply.commons.paging;

import java.util.List;

/** One page of a List RPC and the token for the next one (empty on the last page). */
public record PagedResult<T>(List<T> items, String nextPageToken) {

    public PagedResult {
        items = List.copyOf(items);
    }
}
