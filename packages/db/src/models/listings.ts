import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';

type RentType = 'long_term' | 'short_term' | 'sale';
type PropertyType = 'apartment' | 'villa' | 'house' | 'studio' | 'penthouse' | 'bungalow';

// Fields are `declare`d so class fields never shadow Sequelize's getters. The generated
// `search_vector` column is left out on purpose: PostgreSQL computes it, nobody writes it.
export class ListingRecord extends Model<
  InferAttributes<ListingRecord>,
  InferCreationAttributes<ListingRecord>
> {
  declare id: string;
  declare title: string;
  declare description: string;
  /** Canonical town name (see TOWNS in @parley/validators). */
  declare location: string;
  declare district: string;
  declare rentType: RentType;
  declare propertyType: PropertyType;
  declare bedrooms: number;
  declare bathrooms: number;
  declare areaSqm: number;
  /** NUMERIC(12,2) comes back from pg as an exact decimal string, e.g. "1250.00". */
  declare price: string;
  declare currency: CreationOptional<string>;
  declare features: CreationOptional<string[]>;
  declare images: CreationOptional<string[]>;
  declare lat: CreationOptional<number | null>;
  declare lng: CreationOptional<number | null>;
  declare createdBy: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function defineListingModels(sequelize: Sequelize) {
  class ListingModel extends ListingRecord {}
  ListingModel.init(
    {
      id: { type: DataTypes.UUID, primaryKey: true },
      title: { type: DataTypes.TEXT, allowNull: false },
      description: { type: DataTypes.TEXT, allowNull: false },
      location: { type: DataTypes.TEXT, allowNull: false },
      district: { type: DataTypes.TEXT, allowNull: false },
      rentType: { type: DataTypes.TEXT, allowNull: false },
      propertyType: { type: DataTypes.TEXT, allowNull: false },
      bedrooms: { type: DataTypes.SMALLINT, allowNull: false },
      bathrooms: { type: DataTypes.SMALLINT, allowNull: false },
      areaSqm: { type: DataTypes.INTEGER, allowNull: false },
      price: { type: DataTypes.DECIMAL(12, 2), allowNull: false },
      currency: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'GBP' },
      features: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
      images: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
      lat: { type: DataTypes.DOUBLE, allowNull: true },
      lng: { type: DataTypes.DOUBLE, allowNull: true },
      createdBy: { type: DataTypes.UUID, allowNull: true },
      createdAt: { type: DataTypes.DATE, allowNull: false },
      updatedAt: { type: DataTypes.DATE, allowNull: false },
    },
    { sequelize, tableName: 'listings', modelName: 'Listing' },
  );
  return { Listing: ListingModel };
}
