/**
 * Patches to mongo-java-server for the embedded store, apart from the repositories: collections that look a
 * document up by {@code _id} first ({@code IdFirst*}, {@link dev.cxsentinel.adapters.mongo.embedded.H2KeyIndex}),
 * an H2 key order that does not serialize keys on every comparison ({@link
 * dev.cxsentinel.adapters.mongo.embedded.MemoizedKeyOrder}), and a backend that commits every acknowledged write
 * ({@link dev.cxsentinel.adapters.mongo.embedded.DurableH2Backend}). Each keeps the library's behaviour and file
 * format; the tests beside them compare against the plain library.
 */
package dev.cxsentinel.adapters.mongo.embedded;
