import type { PipeTransform } from '@nestjs/common';
import { CATEGORY_ID_PATTERN } from '@collab/intake-domain';
import { ValidationFailed } from '@collab/service-kit';

/**
 * A category id in the path, where its slashes are path segments: `/categories/billing/refund`
 * arrives as the wildcard `['billing', 'refund']` (and `billing%2Frefund` as one decoded segment).
 * A malformed id is a 400 naming the parameter, not a 404.
 */
export class CategoryIdParam implements PipeTransform<string | readonly string[], string> {
  transform(value: string | readonly string[]): string {
    const categoryId = typeof value === 'string' ? value : value.join('/');
    if (!CATEGORY_ID_PATTERN.test(categoryId))
      throw new ValidationFailed([
        { field: 'id', message: 'must be a category id such as billing or billing/wrong-charge' },
      ]);
    return categoryId;
  }
}
