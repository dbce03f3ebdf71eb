export { addFavorite, type FavoritesDeps, listFavorites, removeFavorite } from './favorites';
