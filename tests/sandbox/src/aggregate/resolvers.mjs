// GraphQL resolvers of the aggregate query: the root field and the result union.

import { runAggregate } from './run.mjs';

export const aggregateResolvers = {
  Query: { aggregate: (_s, args, ctx) => runAggregate(args, ctx) },
  // A number is a basic aggregation result; a group key or an empty aggregate is a group-by result.
  AggregateResult: { __resolveType: (v) => ('result' in v ? 'AggregateBasicAggregationResult' : 'AggregateGroupByResult') },
};
