package org.harbour.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** A request with X-Feed-Key authenticates as that facility's feed (role FEED), off the event loop. */
@Singleton
class FeedKeyAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    static final String HEADER = "X-Feed-Key";

    private final Principals principals;
    private final ExecutorService blocking;

    FeedKeyAuthenticationFetcher(Principals principals, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.principals = principals;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String key = request.getHeaders().get(HEADER);
        if (key == null || key.isBlank() || key.length() > 200) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> principals.feedKey(key.trim()).orElse(null))
                .subscribeOn(Schedulers.fromExecutorService(blocking))
                .map(holder -> Authentication.build("feed-key:" + holder.keyId(), List.of(Role.FEED),
                        Map.of(CurrentUsers.FEED_FACILITY, holder.facilityId(), CurrentUsers.FEED_KEY, holder.keyId())));
    }
}
