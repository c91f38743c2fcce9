import { compact } from '../batch-builder.ts';
import type { ProductRecord } from '../records.ts';
import type { RowReader } from '../row-reader.ts';
import type { MapContext, RowMapper } from './map-context.ts';

/** Catalogue rows: code, name, category, price. The product code is the natural key. */
export function createProductMapper(ctx: MapContext): RowMapper {
  const seen = new Map<string, number>();
  return {
    mapRow(r: RowReader) {
      const productId = r.id('product_code', true);
      const name = r.text('name');
      if (name === undefined) r.fail('name', 'MISSING', 'product name is empty');
      const category = r.text('category');
      const price = r.money('price');
      if (price !== undefined && price < 0) r.fail('price', 'BAD_NUMBER', `price must not be negative: ${price}`);
      if (r.failed || productId === undefined || name === undefined) return;
      const first = seen.get(productId);
      if (first !== undefined)
        return void r.fail('product_code', 'DUPLICATE', `product ${productId} already appears on line ${first}`);
      seen.set(productId, r.line);
      ctx.out.products.push(compact<ProductRecord>({ productId, name, category, price }));
    },
  };
}
