package io.tousu.reporting.domain;

/**
 * Complaints received in one province and category.
 *
 * @param province   province code
 * @param category   taxonomy code
 * @param complaints how many complaints
 */
public record CategoryCount(String province, String category, long complaints) {
}
