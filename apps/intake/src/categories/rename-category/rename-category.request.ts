import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { categoryNamesSchema } from '../category-names.request';

/** The new names replace all the old ones: a language left out loses its name. */
export const renameCategorySchema = z.object({ names: categoryNamesSchema }).strict();

export class RenameCategoryRequest extends createZodDto(renameCategorySchema) {}
