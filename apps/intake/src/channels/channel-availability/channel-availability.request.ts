import { createZodDto } from 'nestjs-zod';
import { reasonSchema } from '../channel-settings.request';

export class ChannelAvailabilityRequest extends createZodDto(reasonSchema) {}
