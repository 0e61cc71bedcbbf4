-- Monthly cohort cells pushed down to a warehouse (ANSI SQL; runs unchanged on DuckDB and Spark SQL).
-- Input:  purchases(customer INTEGER, day DATE, amount DECIMAL(18, 2)), one row per order.
-- Output: one row per (cohort month, period) with activity, the columns of Retention.Metrics.CohortCellRow:
--         new CohortCellRow(cohort_start, period, active, retained, orders, revenue)
--         fed to CohortTable.FromCells(CohortOptions.Monthly, asOf, rows).
-- Rows computed over disjoint customer sets (partitions by customer) may be concatenated: FromCells adds them.
-- For quarters or years, replace 'month' and the month arithmetic; weeks need the week start of CohortOptions.WeekStart.
-- Replace {{as_of}} with the observation end (inclusive), e.g. 1997-09-30.
WITH observed AS (
    SELECT customer, day, amount
    FROM purchases
    WHERE day <= DATE '{{as_of}}'
),
firsts AS (
    SELECT customer, MIN(day) AS first_day
    FROM observed
    GROUP BY customer
),
activity AS (
    SELECT o.customer,
           DATE_TRUNC('month', f.first_day)                                    AS cohort_start,
           (EXTRACT(YEAR FROM o.day) * 12 + EXTRACT(MONTH FROM o.day))
             - (EXTRACT(YEAR FROM f.first_day) * 12 + EXTRACT(MONTH FROM f.first_day)) AS period,
           COUNT(*)                                                            AS orders,
           SUM(o.amount)                                                       AS revenue
    FROM observed o
    JOIN firsts f ON o.customer = f.customer
    GROUP BY o.customer, DATE_TRUNC('month', f.first_day),
             (EXTRACT(YEAR FROM o.day) * 12 + EXTRACT(MONTH FROM o.day))
               - (EXTRACT(YEAR FROM f.first_day) * 12 + EXTRACT(MONTH FROM f.first_day))
),
marked AS (
    SELECT cohort_start, period, orders, revenue,
           LAG(period) OVER (PARTITION BY customer ORDER BY period) AS previous_period
    FROM activity
)
SELECT cohort_start,
       CAST(period AS INTEGER)                                                     AS period,
       CAST(COUNT(*) AS BIGINT)                                                    AS active,
       CAST(SUM(CASE WHEN previous_period = period - 1 THEN 1 ELSE 0 END) AS BIGINT) AS retained,
       CAST(SUM(orders) AS BIGINT)                                                 AS orders,
       SUM(revenue)                                                                AS revenue
FROM marked
GROUP BY cohort_start, period
ORDER BY cohort_start, period
