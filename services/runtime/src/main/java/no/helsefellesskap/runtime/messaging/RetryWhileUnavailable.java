package no.helsefellesskap.runtime.messaging;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a consumer method: a failure of the infrastructure (see {@code Transience}) is retried with a back-off, each
 * attempt in a new transaction, instead of sending a good record to the dead-letter topic. Poison and other
 * failures pass through to the channel's failure strategy as before.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RetryWhileUnavailable {
}
