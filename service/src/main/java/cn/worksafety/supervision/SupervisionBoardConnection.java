package cn.worksafety.supervision;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.Page;
import cn.worksafety.common.PageInfo;

public class SupervisionBoardConnection {

    public record SupervisionBoardEdge(@NonNull String cursor, @NonNull SupervisionBoardEntry node) {
    }

    @NonNull
    public List<@NonNull SupervisionBoardEdge> edges;

    @NonNull
    public PageInfo pageInfo;

    @NonNull
    @Description("Open alerts on the board (all pages).")
    public int totalCount;

    /** What the per-unit counts (the sibling field units) are computed for. */
    @Ignore
    public SupervisionBoard.Scope scope;

    SupervisionBoardConnection(List<SupervisionBoardEdge> edges, PageInfo pageInfo, int totalCount, SupervisionBoard.Scope scope) {
        this.edges = edges;
        this.pageInfo = pageInfo;
        this.totalCount = totalCount;
        this.scope = scope;
    }

    static SupervisionBoardConnection of(SupervisionBoard.BoardPage board) {
        Page<SupervisionBoardEntry> page = board.entries();
        return new SupervisionBoardConnection(page.edges(SupervisionBoardEdge::new), page.pageInfo(), (int) page.totalCount(), board.scope());
    }
}
