import { z } from 'zod';
import type { ApiRow } from '../ingest/api-rows.ts';

/**
 * Naver Commerce API product-order details (`POST /external/v1/pay-order/seller/product-orders/query`,
 * apicenter.commerce.naver.com), the fields Dalbit reads. One element is one 상품주문번호.
 */
const Num = z.union([z.number(), z.string()]).transform(String);

export const SmartstoreProductOrderDetail = z.object({
  order: z.object({
    orderId: z.string().min(1),
    orderDate: z.string(),
    ordererId: z.string().nullish(),
    ordererName: z.string().nullish(),
    ordererTel: z.string().nullish(),
  }),
  productOrder: z.object({
    productOrderId: z.string().min(1),
    productOrderStatus: z.string(),
    productId: Num,
    productName: z.string().nullish(),
    productOption: z.string().nullish(),
    quantity: z.number().int(),
    unitPrice: Num.nullish(),
    productDiscountAmount: Num.nullish(),
    totalPaymentAmount: Num.nullish(),
    shippingAddress: z.object({ tel1: z.string().nullish() }).nullish(),
  }),
});
export type SmartstoreProductOrderDetail = z.infer<typeof SmartstoreProductOrderDetail>;

/** A changed product order (`GET …/product-orders/last-changed-statuses`). */
export const SmartstoreChangedStatus = z.object({
  orderId: z.string(),
  productOrderId: z.string().min(1),
  lastChangedType: z.string(),
  lastChangedDate: z.string(),
  productOrderStatus: z.string().nullish(),
});
export type SmartstoreChangedStatus = z.infer<typeof SmartstoreChangedStatus>;

/**
 * productOrderStatus → the 주문상태 label the seller-center Excel export shows, which the
 * importer's status parser reads (paid, cancelled, returned, exchanged).
 */
export const SMARTSTORE_STATUS_LABEL: Readonly<Record<string, string>> = {
  PAYMENT_WAITING: '결제대기',
  PAYED: '결제완료',
  DELIVERING: '배송중',
  DELIVERED: '배송완료',
  PURCHASE_DECIDED: '구매확정',
  EXCHANGED: '교환완료',
  CANCELED: '취소완료',
  RETURNED: '반품완료',
  CANCELED_BY_NOPAYMENT: '취소완료',
};

/** One product order as the `smartstore_orders` export row (the recipient's phone kept apart: often 050). */
export function smartstoreOrderRow(d: SmartstoreProductOrderDetail, line: number): ApiRow {
  const po = d.productOrder;
  return {
    line,
    cells: {
      line_id: po.productOrderId,
      order_id: d.order.orderId,
      ordered_at: d.order.orderDate,
      buyer_name: d.order.ordererName,
      masked_buyer_id: d.order.ordererId,
      buyer_phone: d.order.ordererTel,
      recipient_phone: po.shippingAddress?.tel1,
      product_code: po.productId,
      product_name: po.productName,
      option: po.productOption,
      qty: String(po.quantity),
      unit_price: po.unitPrice,
      discount: po.productDiscountAmount,
      line_amount: po.totalPaymentAmount,
      status: SMARTSTORE_STATUS_LABEL[po.productOrderStatus] ?? po.productOrderStatus,
    },
  };
}
