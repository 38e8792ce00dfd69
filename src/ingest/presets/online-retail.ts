import type { Preset } from './preset.js';

/**
 * UCI "Online Retail" (Chen et al. 2012): one row per invoice line. Revenue of
 * a line = Quantity × UnitPrice; invoices starting with `C` are cancellations
 * whose negative quantities make them returns. `CustomerID` is written as a
 * float (`17850.0`) and is read as `17850`. No channel column: use
 * `--map channel=Country` to compare countries.
 */
export const onlineRetail: Preset = {
  name: 'online-retail',
  role: 'orders',
  description: 'UCI Online Retail (InvoiceNo, Quantity, InvoiceDate, UnitPrice, CustomerID; C-invoices are returns)',
  columns: {
    order_id: 'InvoiceNo',
    quantity: 'Quantity',
    unit_price: 'UnitPrice',
    date: 'InvoiceDate',
    customer_id: 'CustomerID',
  },
  adjust(values) {
    const id = values['customer_id'];
    if (typeof id === 'string') values['customer_id'] = id.replace(/\.0+$/, '');
    else if (typeof id === 'number') values['customer_id'] = String(id);
    return true;
  },
};
