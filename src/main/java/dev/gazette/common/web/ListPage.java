package dev.gazette.common.web;

import java.util.List;
import java.util.function.Function;

/** The body of every list response: {@code {items, page}}. */
public record ListPage<T>(List<T> items, PageInfo page) {

    public <R> ListPage<R> map(Function<? super T, ? extends R> mapper) {
        return new ListPage<>(items.stream().<R>map(mapper).toList(), page);
    }
}
