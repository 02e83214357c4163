import type { Provider, Type } from '@nestjs/common';
import { IntakeFolds } from '../folds/intake-folds';
import { CategoryCommands } from './category-commands';
import { CategoryDirectory } from './category-directory';
import { CategoryViewRecord } from './category-view/category-view.entity';
import { CategoryViewProjection } from './category-view/category-view.projection';
import { CategorySeeder } from './default-categories/category-seeder';
import { DefineCategoryHttp } from './define-category/define-category.http';
import { CategoryTree } from './read-categories/category-tree';
import { ReadCategoriesHttp } from './read-categories/read-categories.http';
import { RenameCategoryHttp } from './rename-category/rename-category.http';
import { RetireCategoryHttp } from './retire-category/retire-category.http';

/**
 * The managed category tree, spread into IntakeModule so it shares intake's EVENT_STORE:
 * `providers: [...CATEGORY_PROVIDERS]`, `controllers: [...CATEGORY_CONTROLLERS]`,
 * `TypeOrmModule.forFeature([...CATEGORY_ENTITIES])`. CategoryDirectory is what other features
 * use, through CATEGORY_LOOKUP.
 */
export const CATEGORY_PROVIDERS: readonly Provider[] = [
  IntakeFolds,
  CategoryDirectory,
  CategoryCommands,
  CategoryTree,
  CategoryViewProjection,
  CategorySeeder,
];
// ReadCategoriesHttp first: Express tries routes in the order they are registered.
export const CATEGORY_CONTROLLERS: readonly Type[] = [
  ReadCategoriesHttp,
  DefineCategoryHttp,
  RenameCategoryHttp,
  RetireCategoryHttp,
];
export const CATEGORY_ENTITIES: readonly Type[] = [CategoryViewRecord];

export { CategoryDirectory } from './category-directory';
export type { CategoryView } from '../intake.answers';
