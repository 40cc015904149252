package org.loupe.ui.widgets;

import java.util.Comparator;
import java.util.function.Function;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.swt.SWT;

/**
 * The columns of a table of rows of one type, each sortable by a click on its header (a second click reverses it),
 * the way the workbench's tables behave.
 *
 * @param <T> the row type
 */
public final class SortedColumns<T> {

    private final TableViewer table;
    private final Class<T> type;
    private Comparator<T> order;

    /** Sorts {@code table}'s rows by {@code initial} until a header is clicked. */
    public SortedColumns(TableViewer table, Class<T> type, Comparator<T> initial) {
        this.table = table;
        this.type = type;
        this.order = initial;
        table.setComparator(new ViewerComparator() {
            @Override
            public int compare(Viewer viewer, Object a, Object b) {
                return order.compare(type.cast(a), type.cast(b));
            }
        });
    }

    /** Adds a column showing {@code text} of each row, sorted by {@code sort}. */
    public void add(String title, int width, int align, Function<T, String> text, Comparator<T> sort) {
        TableViewerColumn c = new TableViewerColumn(table, align);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(type.cast(element));
            }
        });
        c.getColumn().addListener(SWT.Selection, e -> {
            boolean again = table.getTable().getSortColumn() == c.getColumn();
            boolean down = again && table.getTable().getSortDirection() == SWT.UP;
            order = down ? sort.reversed() : sort;
            table.getTable().setSortColumn(c.getColumn());
            table.getTable().setSortDirection(down ? SWT.DOWN : SWT.UP);
            table.refresh();
        });
    }
}
