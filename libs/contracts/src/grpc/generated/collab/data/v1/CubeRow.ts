// Original file: proto/collab/data/v1/data_service.proto


/**
 * CubeRow: one value per dimension (left out where unknown) and per measure (left out where none).
 */
export interface CubeRow {
  'dimensions'?: ({[key: string]: string});
  'measures'?: ({[key: string]: number | string});
}

/**
 * CubeRow: one value per dimension (left out where unknown) and per measure (left out where none).
 */
export interface CubeRow__Output {
  'dimensions': ({[key: string]: string});
  'measures': ({[key: string]: number});
}
