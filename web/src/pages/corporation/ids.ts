// The ids the server accepts in addresses (BudgetIds): ASCII letters, digits, '-' and '_', at most 64.
export const validId = (id: string) => /^[A-Za-z0-9_-]{1,64}$/.test(id);
