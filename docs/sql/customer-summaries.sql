-- Per-customer summaries pushed down to a warehouse (ANSI SQL; runs unchanged on DuckDB and Spark SQL).
-- Input:  purchases(customer INTEGER, day DATE, amount DECIMAL(18, 2)), one row per order.
-- Output: one row per customer whose first purchase is on or before the observation end, with the columns of
--         Retention.Metrics.CustomerSummary's constructor:
--         new CustomerSummary(customer, first_purchase, last_purchase, orders, purchase_days, asOf, total_amount, repeat_amount)
-- Replace {{as_of}} with the observation end (inclusive), e.g. 1997-09-30.
WITH days AS (
    SELECT customer, day, COUNT(*) AS orders, SUM(amount) AS amount
    FROM purchases
    WHERE day <= DATE '{{as_of}}'
    GROUP BY customer, day
),
marked AS (
    SELECT customer, day, orders, amount, MIN(day) OVER (PARTITION BY customer) AS first_day
    FROM days
)
SELECT customer,
       MIN(day)                                              AS first_purchase,
       MAX(day)                                              AS last_purchase,
       SUM(orders)                                           AS orders,
       COUNT(*)                                              AS purchase_days,
       SUM(amount)                                           AS total_amount,
       SUM(CASE WHEN day > first_day THEN amount ELSE 0 END) AS repeat_amount
FROM marked
GROUP BY customer
ORDER BY customer
