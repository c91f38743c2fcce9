/** A product as templates see it (related products, last viewed product). */
export interface ProductRef {
  readonly id: string;
  readonly name: string;
  readonly price?: number;
  readonly url?: string;
  readonly imageUrl?: string;
}

/**
 * What a template can use. Names follow Liquid convention in templates:
 * `{{ name }}님`, `{{ grade }}`, `{% for p in related_products %}`, `{{ last_viewed_product.name }}`,
 * `{{ coupon.code }}`, `{{ coupon.expires_at }}` (KST, `12월 8일`), `{{ unsubscribe }}`.
 * Printed on their own, `{{ related_products }}` is the names joined by `, ` and a date is `12월 8일`
 * (see `render-template.ts`).
 */
export interface TemplateContext {
  readonly name?: string | undefined;
  readonly grade?: string | undefined;
  readonly relatedProducts?: readonly ProductRef[] | undefined;
  readonly lastViewedProduct?: ProductRef | undefined;
  readonly coupon?: { readonly code: string; readonly expiresAt: Date; readonly value?: string } | undefined;
  /** Unsubscribe line or URL (email footer, push). */
  readonly unsubscribe?: string | undefined;
  readonly extra?: Readonly<Record<string, unknown>> | undefined;
}

/** Shown when a customer has no name on file: `{{ name }}님` → `고객님`. */
export const DEFAULT_NAME = '고객';

export function toLiquidScope(ctx: TemplateContext): Record<string, unknown> {
  // A product printed on its own (`{{ p }}`, `{{ related_products | join: ", " }}`) reads as its name.
  const product = (p: ProductRef) =>
    Object.defineProperty(
      { id: p.id, name: p.name, price: p.price ?? null, url: p.url ?? null, image_url: p.imageUrl ?? null },
      'toString',
      { value: () => p.name, enumerable: false },
    );
  return {
    ...(ctx.extra ?? {}),
    name: ctx.name && ctx.name.trim() !== '' ? ctx.name.trim() : DEFAULT_NAME,
    grade: ctx.grade ?? null,
    related_products: (ctx.relatedProducts ?? []).map(product),
    last_viewed_product: ctx.lastViewedProduct ? product(ctx.lastViewedProduct) : null,
    coupon: ctx.coupon
      ? { code: ctx.coupon.code, expires_at: ctx.coupon.expiresAt, value: ctx.coupon.value ?? null }
      : null,
    unsubscribe: ctx.unsubscribe ?? '',
  };
}
