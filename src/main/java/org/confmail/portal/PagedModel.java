package org.confmail.portal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.confmail.platform.Page;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A PrimeFaces lazy table model over one of the services' paged queries: the table asks for a page and a sort
 * ("field,asc|desc"), the service answers a {@link Page}; only that page ever leaves the database.
 */
class PagedModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** Loads one page: page number, page size, sort or null. */
    interface Loader<T> extends java.io.Serializable {
        Page<T> load(int page, int size, String sort);
    }

    private final Loader<T> loader;
    private final SerializableFunction<T, String> rowKey;
    private final SerializableFunction<String, T> byKey;

    interface SerializableFunction<A, B> extends Function<A, B>, java.io.Serializable {
    }

    PagedModel(Loader<T> loader, SerializableFunction<T, String> rowKey) {
        this(loader, rowKey, null);
    }

    /** With {@code byKey}, rows selected on other pages are found again (multi-page selection). */
    PagedModel(Loader<T> loader, SerializableFunction<T, String> rowKey, SerializableFunction<String, T> byKey) {
        this.loader = loader;
        this.rowKey = rowKey;
        this.byKey = byKey;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) loader.load(0, 1, null).total();
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        String sort = null;
        if (sortBy != null && !sortBy.isEmpty()) {
            SortMeta meta = sortBy.values().iterator().next();
            sort = meta.getField() + (meta.getOrder() == SortOrder.DESCENDING ? ",desc" : ",asc");
        }
        Page<T> found = loader.load(first / Math.max(pageSize, 1), pageSize, sort);
        setRowCount((int) found.total());
        return found.items();
    }

    @Override
    public String getRowKey(T row) {
        return rowKey.apply(row);
    }

    @Override
    public T getRowData(String key) {
        T onPage = getWrappedData() == null ? null : getWrappedData().stream()
                .filter(row -> key.equals(rowKey.apply(row))).findFirst().orElse(null);
        return onPage != null || byKey == null ? onPage : byKey.apply(key);
    }
}
