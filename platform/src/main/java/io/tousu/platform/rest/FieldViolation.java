package io.tousu.platform.rest;

/**
 * One wrong field of a request.
 *
 * @param field   the field's path in the request body or the parameter's name, e.g. {@code customer.msisdn}
 * @param message why the value is wrong, in words a front-end developer can act on
 */
public record FieldViolation(String field, String message) {
}
