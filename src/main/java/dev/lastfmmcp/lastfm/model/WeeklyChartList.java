package dev.lastfmmcp.lastfm.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The weeks a user's weekly charts are available for, newest first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WeeklyChartList(String user, List<ChartWeek> charts) {

    public WeeklyChartList {
        charts = charts == null ? List.of() : List.copyOf(charts);
    }
}
