package org.w3id.claimgraph.server;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.SchemeRouter;

/**
 * Makes JSON-LD parsing in this JVM refuse to load any {@code @context} by reference (http, https or
 * file): the server parses JSON-LD request bodies, and a remote context would have it fetch a URL, or
 * read a local file, on a client's behalf. Inline contexts still work. Jena creates fresh JSON-LD options
 * for every parse, whose loader is Titanium's shared scheme router, so that router is where this goes.
 */
final class NoRemoteDocuments {
    private static final DocumentLoader REFUSE = (url, options) -> {
        throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                "this server does not load JSON-LD documents by reference (" + url + "); put the @context inline");
    };

    private NoRemoteDocuments() {}

    static synchronized void install() {
        if (!(SchemeRouter.defaultInstance() instanceof SchemeRouter router)) {
            throw new IllegalStateException("unexpected JSON-LD document loader: " + SchemeRouter.defaultInstance().getClass());
        }
        router.set("http", REFUSE).set("https", REFUSE).set("file", REFUSE);
    }
}
