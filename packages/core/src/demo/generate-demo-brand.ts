import { createRng, mix32 } from '../math/random/prng.ts';
import { createDemoContext } from './demo-context.ts';
import type { DemoCell, DemoFileId } from './demo-files.ts';
import type { DemoParams } from './demo-params.ts';
import { type DemoEvent, generateAnonymousVisitor, generateEvents } from './generate-events.ts';
import { generatePerson } from './generate-person.ts';
import { countOrder, countPerson, createGroundTruth, type DemoGroundTruth } from './ground-truth.ts';
import { toCafe24CustomerRow, toCafe24OrderRows } from './rows/cafe24-rows.ts';
import { toCoupangRows, toMarketplaceRows, toSmartstoreRows } from './rows/marketplace-rows.ts';
import { OrderNumbers } from './rows/order-numbers.ts';
import { toCustomerListRow, toProductRows, toWarrantyRow } from './rows/people-rows.ts';
import { toPosRows } from './rows/store-rows.ts';

/** Receives the generated rows in generation order; writers stream them to files. */
export interface DemoSink {
  row(file: DemoFileId, cells: readonly DemoCell[]): void;
  event(event: DemoEvent): void;
  /** Called after each customer (progress reporting). */
  personDone?(index: number): void;
}

/** Share of people who bring along an anonymous look-alike visitor (never logs in, never buys). */
const VISITOR_SHARE = 0.3;

/**
 * Generates the demo brand, one customer at a time (memory does not grow with `customers`),
 * pushing every export row into `sink`; returns the totals the files must add up to.
 */
export function generateDemoBrand(params: DemoParams, sink: DemoSink): DemoGroundTruth {
  const ctx = createDemoContext(params);
  const truth = createGroundTruth();
  const numbers = new OrderNumbers();
  const emit = (file: DemoFileId, cells: readonly DemoCell[]): void => {
    truth.rows[file]++;
    sink.row(file, cells);
  };
  const emitEvents = (events: readonly DemoEvent[]): void => {
    for (const e of events) sink.event(e);
    truth.rows.events += events.length;
    truth.events += events.length;
  };
  for (const r of toProductRows()) emit('products', r);
  for (let i = 0; i < params.customers; i++) {
    const person = generatePerson(ctx, i);
    const rng = createRng(params.seed, 0x726f7773, i);
    countPerson(truth, person);
    let visible = false;
    const member = toCafe24CustomerRow(person);
    if (member) {
      emit('cafe24_customers', member);
      visible = true;
    }
    const listed = toCustomerListRow(rng, person);
    if (listed) {
      emit('customers', listed);
      visible = true;
    }
    for (const order of person.orders) {
      countOrder(truth, order);
      switch (order.channel) {
        case 'cafe24':
          for (const r of toCafe24OrderRows(ctx, person, order, numbers)) emit('cafe24_orders', r);
          visible = true;
          break;
        case 'smartstore':
          for (const r of toSmartstoreRows(rng, ctx, person, order, numbers)) emit('smartstore_orders', r);
          visible = true;
          break;
        case 'musinsa':
        case '29cm':
          for (const r of toMarketplaceRows(ctx, person, order, numbers)) emit('orders', r);
          visible = true;
          break;
        case 'coupang': {
          const { rows, virtual } = toCoupangRows(rng, ctx, person, order, numbers);
          for (const r of rows) emit('coupang_orders', r);
          if (virtual) truth.unidentifiedOrders.coupangVirtualOnly++;
          else visible = true;
          break;
        }
        case 'offline':
        case 'popup': {
          const { rows, identified } = toPosRows(rng, person, order, numbers);
          for (const r of rows) emit('pos_sales', r);
          if (identified) visible = true;
          else truth.unidentifiedOrders.posAnonymous++;
          break;
        }
      }
    }
    person.warranties.forEach((w, k) => {
      emit('warranties', toWarrantyRow(rng, ctx, person, w, k));
      truth.warranties++;
      visible = true;
    });
    if (!visible) truth.people.invisible++;
    emitEvents(generateEvents(ctx, person));
    if (params.eventsPerCustomer > 0 && mix32(params.seed ^ mix32(i)) / 4294967296 < VISITOR_SHARE) {
      truth.anonymousVisitors++;
      emitEvents(generateAnonymousVisitor(ctx, i));
    }
    sink.personDone?.(i);
  }
  return truth;
}
