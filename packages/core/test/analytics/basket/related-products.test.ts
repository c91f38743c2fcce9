import { indexRules, relatedFor } from '@dalbit/core/analytics/basket/related-products';
import { describe, expect, it } from 'vitest';

// Hand-checked example. Customer bought {milk, bread}.
//   r1 {milk} => {butter}          lift 2.0 conf 0.50 → score 1.00
//   r2 {milk, bread} => {butter}   lift 3.0 conf 0.60 → score 1.80  (best for butter)
//   r3 {bread} => {jam}            lift 4.0 conf 0.25 → score 1.00
//   r4 {bread} => {milk}           already bought → excluded
//   r5 {eggs} => {bacon}           antecedent not bought → excluded
//   r6 {milk, eggs} => {flour}     antecedent only half bought → excluded
//   r7 {} => {water}               empty antecedent → not a "related" product
//   r8 {milk} => {cereal}          lift 2.5 conf 0.40 → score 1.00 (ties jam at 1.00; higher conf wins)
// Expected ranking: butter 1.80, cereal 1.00 (conf .40), jam 1.00 (conf .25).
const RULES = [
  { lhs: ['milk'], rhs: 'butter', lift: 2, confidence: 0.5 },
  { lhs: ['milk', 'bread'], rhs: 'butter', lift: 3, confidence: 0.6 },
  { lhs: ['bread'], rhs: 'jam', lift: 4, confidence: 0.25 },
  { lhs: ['bread'], rhs: 'milk', lift: 9, confidence: 0.9 },
  { lhs: ['eggs'], rhs: 'bacon', lift: 9, confidence: 0.9 },
  { lhs: ['milk', 'eggs'], rhs: 'flour', lift: 9, confidence: 0.9 },
  { lhs: [], rhs: 'water', lift: 1, confidence: 0.9 },
  { lhs: ['milk'], rhs: 'cereal', lift: 2.5, confidence: 0.4 },
];

describe('relatedFor', () => {
  it('ranks consequents of applicable rules by lift × confidence, excluding owned items', () => {
    const got = relatedFor(indexRules(RULES), new Set(['milk', 'bread']), 5);
    expect(got.map((g) => g.item)).toEqual(['butter', 'cereal', 'jam']);
    expect(got[0]?.score).toBeCloseTo(1.8, 12);
    expect(got[0]?.because).toEqual(['milk', 'bread']);
    expect(got[2]?.score).toBe(1);
  });

  it('honours the limit and returns nothing for a customer no rule applies to', () => {
    expect(relatedFor(indexRules(RULES), new Set(['milk', 'bread']), 1).map((g) => g.item)).toEqual(['butter']);
    expect(relatedFor(indexRules(RULES), new Set(['tea']), 5)).toEqual([]);
  });
});
