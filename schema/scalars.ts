/** Scalars every subgraph shares; composition needs them identical, so they come from here only. */
export { DateTimeResolver as DateTime, LocalDateResolver as LocalDate } from 'graphql-scalars';
