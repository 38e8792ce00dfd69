-- channelbench 0.1.0: figure inputs (channelbench.figure-inputs/v1) for snowflake
-- window 2024-01-01 … 2024-01-21; period week; week start sunday
-- retention_days 30; clv_horizon_days 90; margin 0.4
-- cancelled statuses ["cancelled","voided"]; channel aliases {"Paid Search":"paid_search","POS":"store"}
-- Run it where the data lives, save the result as CSV or JSON, then: channelbench report --summary FILE
-- weeks: DATE_TRUNC('week') obeys the WEEK_START parameter, so weeks come from DAYOFWEEKISO — https://docs.snowflake.com/en/sql-reference/functions-date-time#label-calendar-weeks-weekdays
-- N days: DATEADD(hour, N*24, ts) on TIMESTAMP_NTZ — https://docs.snowflake.com/en/sql-reference/functions/dateadd
-- code points: TO_BINARY(s, 'UTF-8'), compared bytewise — https://docs.snowflake.com/en/sql-reference/functions/to_binary
-- names: unquoted unless they need quotes (Snowflake upper-cases unquoted names)
WITH
periods AS (
  SELECT 0 AS p, '2023-12-31' AS label_text, CAST('2023-12-31 00:00:00' AS TIMESTAMP_NTZ) AS label, CAST('2024-01-01 00:00:00' AS TIMESTAMP_NTZ) AS start_ts, CAST('2024-01-07 00:00:00' AS TIMESTAMP_NTZ) AS end_ts
  UNION ALL
  SELECT 1 AS p, '2024-01-07' AS label_text, CAST('2024-01-07 00:00:00' AS TIMESTAMP_NTZ) AS label, CAST('2024-01-07 00:00:00' AS TIMESTAMP_NTZ) AS start_ts, CAST('2024-01-14 00:00:00' AS TIMESTAMP_NTZ) AS end_ts
  UNION ALL
  SELECT 2 AS p, '2024-01-14' AS label_text, CAST('2024-01-14 00:00:00' AS TIMESTAMP_NTZ) AS label, CAST('2024-01-14 00:00:00' AS TIMESTAMP_NTZ) AS start_ts, CAST('2024-01-21 00:00:00' AS TIMESTAMP_NTZ) AS end_ts
  UNION ALL
  SELECT 3 AS p, '2024-01-21' AS label_text, CAST('2024-01-21 00:00:00' AS TIMESTAMP_NTZ) AS label, CAST('2024-01-21 00:00:00' AS TIMESTAMP_NTZ) AS start_ts, CAST('2024-01-22 00:00:00' AS TIMESTAMP_NTZ) AS end_ts
),
src_orders AS (
  SELECT
    CAST(s.date AS TIMESTAMP_NTZ) AS ts,
    CAST(s.revenue AS DOUBLE) AS amount,
    NULLIF(TRIM(CAST(s.order_id AS VARCHAR)), '') AS order_id,
    NULLIF(TRIM(CAST(s.customer_id AS VARCHAR)), '') AS customer_id,
    NULLIF(TRIM(CAST(s.channel AS VARCHAR)), '') AS channel,
    LOWER(NULLIF(TRIM(CAST(s.status AS VARCHAR)), '')) AS status,
    s.line_no AS line
  FROM shop.orders s
),
lines AS (
  SELECT l.*, COALESCE(status IN ('cancelled', 'voided'), FALSE) AS cancelled FROM src_orders l
),
id_lines AS (
  SELECT l.*, ROW_NUMBER() OVER (
    PARTITION BY order_id ORDER BY line, ts, amount, TO_BINARY(COALESCE(channel, ''), 'UTF-8'), TO_BINARY(COALESCE(customer_id, ''), 'UTF-8')
  ) AS r
  FROM lines l
  WHERE order_id IS NOT NULL
),
id_starts AS (
  SELECT order_id, first_cancelled,
    CASE WHEN first_cancelled IS NULL OR first_valid < first_cancelled THEN first_valid ELSE first_with_status END AS start_r
  FROM (
    SELECT order_id,
      MIN(CASE WHEN cancelled THEN r END) AS first_cancelled,
      MIN(CASE WHEN NOT cancelled AND ts IS NOT NULL AND amount IS NOT NULL THEN r END) AS first_valid,
      MIN(CASE WHEN NOT cancelled AND ts IS NOT NULL AND amount IS NOT NULL AND status IS NOT NULL THEN r END) AS first_with_status
    FROM id_lines
    GROUP BY order_id
  ) f
),
orders_raw AS (
  SELECT
    k.order_id,
    MAX(CASE WHEN k.r = st.start_r THEN k.ts END) AS ts,
    ROUND(SUM(k.amount), 9) AS value,
    MAX(CASE WHEN k.r = st.start_r THEN k.customer_id END) AS customer_id,
    MAX(CASE WHEN k.r = st.start_r THEN k.channel END) AS channel,
    MIN(CASE WHEN k.r = st.start_r THEN k.line END) AS line
  FROM id_lines k
  JOIN id_starts st ON st.order_id = k.order_id
  WHERE NOT k.cancelled AND k.r >= st.start_r
  GROUP BY k.order_id
  UNION ALL
  SELECT order_id, ts, ROUND(amount, 9) AS value, customer_id, channel, line
  FROM lines
  WHERE order_id IS NULL AND NOT cancelled AND ts IS NOT NULL AND amount IS NOT NULL
),
orders AS (
  SELECT o.order_id, o.ts, o.value, o.customer_id, o.line, CASE LOWER(COALESCE(o.channel, '(unknown)')) WHEN 'paid search' THEN 'paid_search' WHEN 'pos' THEN 'store' ELSE COALESCE(o.channel, '(unknown)') END AS channel_name
  FROM orders_raw o
),
spend_rows AS (
  SELECT CAST(s.date AS TIMESTAMP_NTZ) AS ts, CASE LOWER(NULLIF(TRIM(CAST(s.channel AS VARCHAR)), '')) WHEN 'paid search' THEN 'paid_search' WHEN 'pos' THEN 'store' ELSE NULLIF(TRIM(CAST(s.channel AS VARCHAR)), '') END AS channel_name, CAST(s.spend AS DOUBLE) AS amount, 0 AS line
  FROM shop.spend s
),
traffic_rows AS (
  SELECT CAST(s.date AS TIMESTAMP_NTZ) AS ts, CASE LOWER(NULLIF(TRIM(CAST(s.channel AS VARCHAR)), '')) WHEN 'paid search' THEN 'paid_search' WHEN 'pos' THEN 'store' ELSE NULLIF(TRIM(CAST(s.channel AS VARCHAR)), '') END AS channel_name, CAST(s.sessions AS DOUBLE) AS amount, 0 AS line
  FROM shop.traffic s
),
nps_rows AS (
  SELECT
    CAST(s.date AS TIMESTAMP_NTZ) AS ts,
    CAST(s.score AS DOUBLE) AS score,
    NULLIF(TRIM(CAST(s.customer_id AS VARCHAR)), '') AS customer_id,
    CASE LOWER(CASE WHEN NULLIF(TRIM(CAST(s.channel AS VARCHAR)), '') IS NULL AND NULLIF(TRIM(CAST(s.customer_id AS VARCHAR)), '') IS NULL THEN '(unknown)' ELSE NULLIF(TRIM(CAST(s.channel AS VARCHAR)), '') END) WHEN 'paid search' THEN 'paid_search' WHEN 'pos' THEN 'store' ELSE CASE WHEN NULLIF(TRIM(CAST(s.channel AS VARCHAR)), '') IS NULL AND NULLIF(TRIM(CAST(s.customer_id AS VARCHAR)), '') IS NULL THEN '(unknown)' ELSE NULLIF(TRIM(CAST(s.channel AS VARCHAR)), '') END END AS channel_name,
    0 AS line
  FROM shop.nps s
),
valid_nps AS (
  SELECT * FROM nps_rows
  WHERE ts IS NOT NULL AND score >= 0 AND score <= 10 AND score = FLOOR(score)
),
channel_names AS (
  SELECT name, role, MIN(line) AS line
  FROM (
    SELECT channel_name AS name, 0 AS role, line FROM orders
    UNION ALL
    SELECT channel_name, 1, line FROM spend_rows WHERE channel_name IS NOT NULL AND ts IS NOT NULL AND amount IS NOT NULL
    UNION ALL
    SELECT channel_name, 2, line FROM traffic_rows WHERE channel_name IS NOT NULL AND ts IS NOT NULL AND amount >= 0
    UNION ALL
    SELECT channel_name, 3, line FROM valid_nps WHERE channel_name IS NOT NULL
  ) n
  GROUP BY name, role
),
channels AS (
  SELECT ck, name
  FROM (
    SELECT LOWER(name) AS ck, name, ROW_NUMBER() OVER (PARTITION BY LOWER(name) ORDER BY role, line, TO_BINARY(name, 'UTF-8')) AS rn
    FROM channel_names
  ) n
  WHERE rn = 1
),
bounds AS (
  SELECT DATEADD(hour, 24, DATE_TRUNC('day', MAX(ts))) AS data_end FROM orders
),
periods_asof AS (
  SELECT p.*, LEAST(p.end_ts, b.data_end) AS as_of FROM periods p CROSS JOIN bounds b
),
orders_ch AS (
  SELECT o.*, LOWER(o.channel_name) AS ck FROM orders o
),
acq AS (
  SELECT customer_id, ts AS acq_ts, ck AS acq_ck
  FROM (
    SELECT customer_id, ts, ck, ROW_NUMBER() OVER (
      PARTITION BY customer_id ORDER BY ts, TO_BINARY(COALESCE(order_id, ''), 'UTF-8'), line
    ) AS rn
    FROM orders_ch
    WHERE value > 0 AND customer_id IS NOT NULL
  ) f
  WHERE rn = 1
),
outcomes AS (
  SELECT
    a.customer_id,
    a.acq_ts,
    a.acq_ck,
    SUM(CASE WHEN o.value > 0 AND o.ts < DATEADD(hour, 720, a.acq_ts) THEN 1 ELSE 0 END) AS purchases,
    ROUND(SUM(CASE WHEN o.ts < DATEADD(hour, 2160, a.acq_ts) THEN o.value ELSE 0 END), 9) * CAST(0.4 AS DOUBLE) AS horizon_value
  FROM acq a
  JOIN orders_ch o ON o.customer_id = a.customer_id AND o.ts >= a.acq_ts
  GROUP BY a.customer_id, a.acq_ts, a.acq_ck
),
acq_days AS (
  SELECT
    DATE_TRUNC('day', acq_ts) AS acq_day,
    CASE WHEN acq_ts = DATE_TRUNC('day', acq_ts) THEN 1 ELSE 0 END AS at_midnight,
    acq_ck,
    COUNT(*) AS n,
    SUM(CASE WHEN purchases >= 2 THEN 1 ELSE 0 END) AS repeaters,
    ROUND(SUM(horizon_value), 9) AS value_sum,
    ROUND(SUM(horizon_value * horizon_value), 9) AS value_sum_sq
  FROM outcomes
  GROUP BY DATE_TRUNC('day', acq_ts), CASE WHEN acq_ts = DATE_TRUNC('day', acq_ts) THEN 1 ELSE 0 END, acq_ck
),
maturity AS (
  SELECT
    pa.p,
    m.acq_ck AS ck,
    SUM(CASE WHEN (m.acq_day < DATEADD(hour, -720, pa.as_of) OR (m.acq_day = DATEADD(hour, -720, pa.as_of) AND m.at_midnight = 1)) THEN m.n ELSE 0 END) AS retention_trials,
    SUM(CASE WHEN (m.acq_day < DATEADD(hour, -720, pa.as_of) OR (m.acq_day = DATEADD(hour, -720, pa.as_of) AND m.at_midnight = 1)) THEN m.repeaters ELSE 0 END) AS retention_successes,
    SUM(CASE WHEN (m.acq_day < DATEADD(hour, -2160, pa.as_of) OR (m.acq_day = DATEADD(hour, -2160, pa.as_of) AND m.at_midnight = 1)) THEN m.n ELSE 0 END) AS clv_n,
    ROUND(SUM(CASE WHEN (m.acq_day < DATEADD(hour, -2160, pa.as_of) OR (m.acq_day = DATEADD(hour, -2160, pa.as_of) AND m.at_midnight = 1)) THEN m.value_sum ELSE 0 END), 9) AS clv_sum,
    ROUND(SUM(CASE WHEN (m.acq_day < DATEADD(hour, -2160, pa.as_of) OR (m.acq_day = DATEADD(hour, -2160, pa.as_of) AND m.at_midnight = 1)) THEN m.value_sum_sq ELSE 0 END), 9) AS clv_sum_sq
  FROM periods_asof pa
  CROSS JOIN acq_days m
  GROUP BY pa.p, m.acq_ck
),
dated_orders AS (
  SELECT pa.p, pa.start_ts, o.ck, o.value, o.customer_id, a.acq_ts
  FROM orders_ch o
  JOIN periods_asof pa ON pa.label = DATEADD(day, -MOD(DAYOFWEEKISO(o.ts), 7), DATE_TRUNC('day', o.ts)) AND o.ts >= pa.start_ts AND o.ts < pa.as_of
  LEFT JOIN acq a ON a.customer_id = o.customer_id
  WHERE o.value <> 0
),
order_cells AS (
  SELECT
    p,
    ck,
    SUM(CASE WHEN value > 0 THEN 1 ELSE 0 END) AS orders,
    ROUND(SUM(CASE WHEN value > 0 THEN value ELSE 0 END), 9) AS revenue,
    ROUND(SUM(CASE WHEN value > 0 THEN value * value ELSE 0 END), 9) AS revenue_sq,
    ROUND(SUM(CASE WHEN value < 0 THEN value ELSE 0 END), 9) AS returns,
    COUNT(DISTINCT CASE WHEN value > 0 THEN customer_id END) AS customers,
    COUNT(DISTINCT CASE WHEN value > 0 AND acq_ts < start_ts THEN customer_id END) AS returning_customers
  FROM dated_orders
  GROUP BY p, ck
),
period_customers AS (
  SELECT
    p,
    COUNT(DISTINCT CASE WHEN value > 0 THEN customer_id END) AS customers,
    COUNT(DISTINCT CASE WHEN value > 0 AND acq_ts < start_ts THEN customer_id END) AS returning_customers
  FROM dated_orders
  GROUP BY p
),
new_cells AS (
  SELECT pa.p, a.acq_ck AS ck, COUNT(*) AS new_customers
  FROM acq a
  JOIN periods_asof pa ON pa.label = DATEADD(day, -MOD(DAYOFWEEKISO(a.acq_ts), 7), DATE_TRUNC('day', a.acq_ts)) AND a.acq_ts >= pa.start_ts AND a.acq_ts < pa.as_of
  GROUP BY pa.p, a.acq_ck
),
spend_cells AS (
  SELECT pa.p, LOWER(r.channel_name) AS ck, ROUND(SUM(r.amount), 9) AS spend, COUNT(*) AS spend_rows
  FROM spend_rows r
  JOIN periods_asof pa ON pa.label = DATEADD(day, -MOD(DAYOFWEEKISO(r.ts), 7), DATE_TRUNC('day', r.ts)) AND r.ts >= pa.start_ts AND r.ts < pa.as_of
  WHERE r.channel_name IS NOT NULL AND r.amount IS NOT NULL
  GROUP BY pa.p, LOWER(r.channel_name)
),
traffic_cells AS (
  SELECT pa.p, LOWER(r.channel_name) AS ck, ROUND(SUM(r.amount), 9) AS sessions, COUNT(*) AS traffic_rows
  FROM traffic_rows r
  JOIN periods_asof pa ON pa.label = DATEADD(day, -MOD(DAYOFWEEKISO(r.ts), 7), DATE_TRUNC('day', r.ts)) AND r.ts >= pa.start_ts AND r.ts < pa.as_of
  WHERE r.channel_name IS NOT NULL AND r.amount >= 0
  GROUP BY pa.p, LOWER(r.channel_name)
),
nps_cells AS (
  SELECT p, ck, SUM(CASE WHEN score >= 9 THEN 1 ELSE 0 END) AS promoters, SUM(CASE WHEN score <= 6 THEN 1 ELSE 0 END) AS detractors, COUNT(*) AS answers
  FROM (
    SELECT
      pa.p,
      r.score,
      CASE
        WHEN r.channel_name IS NOT NULL THEN LOWER(r.channel_name)
        WHEN a.acq_ts <= r.ts THEN a.acq_ck
        ELSE u.ck
      END AS ck
    FROM valid_nps r
    JOIN periods_asof pa ON pa.label = DATEADD(day, -MOD(DAYOFWEEKISO(r.ts), 7), DATE_TRUNC('day', r.ts)) AND r.ts >= pa.start_ts AND r.ts < pa.as_of
    LEFT JOIN acq a ON a.customer_id = r.customer_id
    CROSS JOIN (SELECT MAX(ck) AS ck FROM channels WHERE ck = '(unknown)') u
  ) x
  GROUP BY p, ck
),
cells AS (
  SELECT
    g.p,
    g.label_text,
    g.ck,
    g.name,
    COALESCE(oc.orders, 0) AS orders,
    COALESCE(oc.revenue, 0) AS revenue,
    COALESCE(oc.revenue_sq, 0) AS revenue_sq,
    COALESCE(oc.returns, 0) AS returns,
    COALESCE(oc.customers, 0) AS customers,
    COALESCE(oc.returning_customers, 0) AS returning_customers,
    COALESCE(nw.new_customers, 0) AS new_customers,
    COALESCE(sc.spend, 0) AS spend,
    COALESCE(sc.spend_rows, 0) AS spend_rows,
    COALESCE(tc.sessions, 0) AS sessions,
    COALESCE(tc.traffic_rows, 0) AS traffic_rows,
    COALESCE(nc.promoters, 0) AS promoters,
    COALESCE(nc.detractors, 0) AS detractors,
    COALESCE(nc.answers, 0) AS answers,
    COALESCE(mt.retention_trials, 0) AS retention_trials,
    COALESCE(mt.retention_successes, 0) AS retention_successes,
    COALESCE(mt.clv_n, 0) AS clv_n,
    COALESCE(mt.clv_sum, 0) AS clv_sum,
    COALESCE(mt.clv_sum_sq, 0) AS clv_sum_sq
  FROM (SELECT pa.p, pa.label_text, c.ck, c.name FROM periods_asof pa CROSS JOIN channels c) g
  LEFT JOIN order_cells oc ON oc.p = g.p AND oc.ck = g.ck
  LEFT JOIN new_cells nw ON nw.p = g.p AND nw.ck = g.ck
  LEFT JOIN maturity mt ON mt.p = g.p AND mt.ck = g.ck
  LEFT JOIN spend_cells sc ON sc.p = g.p AND sc.ck = g.ck
  LEFT JOIN traffic_cells tc ON tc.p = g.p AND tc.ck = g.ck
  LEFT JOIN nps_cells nc ON nc.p = g.p AND nc.ck = g.ck
),
table_rows AS (
  SELECT c.p, 0 AS is_total, c.name AS sort_name, c.label_text AS period, c.name AS channel,
    c.orders,
    c.revenue,
    c.revenue_sq,
    c.returns,
    c.customers,
    c.returning_customers,
    c.new_customers,
    c.spend,
    c.spend_rows,
    c.sessions,
    c.traffic_rows,
    c.orders AS converting_orders,
    c.promoters,
    c.detractors,
    c.answers,
    c.retention_trials,
    c.retention_successes,
    c.clv_n,
    c.clv_sum,
    c.clv_sum_sq
  FROM cells c
  UNION ALL
  SELECT pa.p, 1, '(all)', pa.label_text, '(all)',
    COALESCE(SUM(c.orders), 0) AS orders,
    COALESCE(ROUND(SUM(c.revenue), 9), 0) AS revenue,
    COALESCE(ROUND(SUM(c.revenue_sq), 9), 0) AS revenue_sq,
    COALESCE(ROUND(SUM(c.returns), 9), 0) AS returns,
    COALESCE(pc.customers, 0) AS customers,
    COALESCE(pc.returning_customers, 0) AS returning_customers,
    COALESCE(SUM(c.new_customers), 0) AS new_customers,
    COALESCE(ROUND(SUM(c.spend), 9), 0) AS spend,
    COALESCE(SUM(c.spend_rows), 0) AS spend_rows,
    COALESCE(ROUND(SUM(c.sessions), 9), 0) AS sessions,
    COALESCE(SUM(c.traffic_rows), 0) AS traffic_rows,
    COALESCE(SUM(CASE WHEN c.traffic_rows > 0 THEN c.orders ELSE 0 END), 0) AS converting_orders,
    COALESCE(SUM(c.promoters), 0) + COALESCE(un.promoters, 0) AS promoters,
    COALESCE(SUM(c.detractors), 0) + COALESCE(un.detractors, 0) AS detractors,
    COALESCE(SUM(c.answers), 0) + COALESCE(un.answers, 0) AS answers,
    COALESCE(SUM(c.retention_trials), 0) AS retention_trials,
    COALESCE(SUM(c.retention_successes), 0) AS retention_successes,
    COALESCE(SUM(c.clv_n), 0) AS clv_n,
    COALESCE(ROUND(SUM(c.clv_sum), 9), 0) AS clv_sum,
    COALESCE(ROUND(SUM(c.clv_sum_sq), 9), 0) AS clv_sum_sq
  FROM periods_asof pa
  LEFT JOIN cells c ON c.p = pa.p
  LEFT JOIN period_customers pc ON pc.p = pa.p
  LEFT JOIN (SELECT p, SUM(promoters) AS promoters, SUM(detractors) AS detractors, SUM(answers) AS answers FROM nps_cells WHERE ck IS NULL GROUP BY p) un ON un.p = pa.p
  GROUP BY pa.p, pa.label_text, pc.customers, pc.returning_customers, un.promoters, un.detractors, un.answers
)
SELECT
  'channelbench.figure-inputs/v1' AS schema,
  '2024-01-01' AS window_start,
  '2024-01-21' AS window_end,
  (SELECT TO_CHAR(data_end, 'YYYY-MM-DD') FROM bounds) AS data_end,
  'week' AS period_unit,
  'sunday' AS week_start,
  CAST(0.4 AS DOUBLE) AS margin,
  30 AS retention_days,
  90 AS clv_horizon_days,
  '["cancelled","voided"]' AS cancelled_statuses,
  TRUE AS has_spend,
  TRUE AS has_traffic,
  TRUE AS has_nps,
  TRUE AS has_customer_ids,
  period,
  channel,
  orders,
  revenue,
  revenue_sq,
  returns,
  customers,
  returning_customers,
  new_customers,
  spend,
  spend_rows,
  sessions,
  traffic_rows,
  converting_orders,
  promoters,
  detractors,
  answers,
  retention_trials,
  retention_successes,
  clv_n,
  clv_sum,
  clv_sum_sq
FROM table_rows
ORDER BY p, is_total, TO_BINARY(sort_name, 'UTF-8');
