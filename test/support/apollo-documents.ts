/** The documents the Apollo Client tests send. */
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { DocumentNode } from 'graphql';

/** A document whose answers the tests read freely. */
export type Answer = Record<string, any>;
export const typed = (document: DocumentNode) => document as TypedDocumentNode<Answer, Answer>;

export const OBJECTIVE = typed(gql`
  query Objective($id: ID!, $asOf: DateTime) {
    objective(id: $id, asOf: $asOf) {
      id
      entityId
      title
      currentValue
      health
      pmo {
        id
        name
      }
    }
  }
`);
export const PMO = typed(gql`
  query Pmo($id: ID!) {
    pmo(id: $id) {
      id
      name
    }
  }
`);
export const PLAN = typed(gql`
  query Plan($id: ID!, $version: Int) {
    businessPlan(id: $id, version: $version) {
      id
      entityId
      version
      status
      activities {
        id
        title
      }
    }
  }
`);
/** Two or three fans of PMOs three lists deep: 4,222 and 6,333 by the cost rule, whose limit is 5,000. */
export const fan = (name: string, copies: number) =>
  typed(gql(`query ${name} { ${Array.from({ length: copies }, (_, i) => `f${i}: pmos { children { children { id name } } }`).join(' ')} }`));

